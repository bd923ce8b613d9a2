using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Placeshaper.Hosting;

public static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = SchemaId;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Placeshaper API",
                Version = "v1",
                Description = "Strategic commissioning for councils and their partners. Authenticate with `Authorization: Bearer <token>` "
                    + "(create one under Your API tokens, or `placeshaper tokens create`). Errors are RFC 9457 problem details; "
                    + "lists take `page` and `pageSize`; dates are ISO 8601 in UTC; amounts are JSON numbers in pounds.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token beginning ps_",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Request and response records are nested in the area that owns them (ProgrammesApi.DecisionView,
    /// AppraisalsApi.DecisionView), so the default schema id, the bare type name, would give two different shapes one
    /// name. Nested types are named after their owner instead: ProgrammesDecisionView, AppraisalsDecisionView.
    /// </summary>
    private static string? SchemaId(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null || info.Type.DeclaringType is not { } owner || info.Type.IsGenericType)
        {
            return id;
        }

        var prefix = owner.Name.EndsWith("Api", StringComparison.Ordinal) ? owner.Name[..^3] : owner.Name;
        return id.StartsWith(prefix, StringComparison.Ordinal) ? id : prefix + id;
    }
}
