using System.Runtime;
using Placeshaper.Cli;

var parse = PlaceshaperCli.Build().Parse(args);
if (!PlaceshaperCli.Serves(parse))
{
    // A verb other than `serve` is a batch job with nobody waiting on a response: the garbage collector stops it for
    // a whole collection rather than collecting beside it, which costs less in all (docs/spend.md, eighth
    // measurement). The server keeps collecting beside its requests.
    GCSettings.LatencyMode = GCLatencyMode.Batch;
}

return await parse.InvokeAsync();
