global using Placeshaper.Common;
