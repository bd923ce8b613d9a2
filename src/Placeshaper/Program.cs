using Placeshaper.Cli;

return await PlaceshaperCli.Build().Parse(args).InvokeAsync();
