using System.Text.Json.Nodes;
using NJsonSchema;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Tenders.Publication;

/// <summary>
/// The official OCDS 1.1 release package schema (draft 4) from <c>../shared/data/ocds-schema-1.1</c>, with the release
/// schema put in place of its remote reference, alone or with extensions merged in as OCDS does it: each extension's
/// release-schema.json is a JSON Merge Patch (RFC 7386) onto the release schema.
/// </summary>
public static class OcdsSchema
{
    public static readonly string Data = Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "data"));

    /// <summary>
    /// What the releases take from the lots and suitability extensions, written here in brief because those
    /// extensions are not among the shared data: lots with an id, title, status and value; awards' related lots; a
    /// tender's suitability with at least one property. The UK extension also refers to the location extension's
    /// Location, which nothing here uses, so it stands as any object.
    /// </summary>
    public const string LotsAndSuitability = """
        {
          "definitions": {
            "Tender": { "properties": {
              "lots": { "type": "array", "items": { "$ref": "#/definitions/Lot" } },
              "lotDetails": { "type": "object" },
              "suitability": { "$ref": "#/definitions/Suitability" }
            } },
            "Award": { "properties": { "relatedLots": { "type": ["array", "null"], "items": { "type": "string" } } } },
            "Lot": {
              "type": "object",
              "required": ["id"],
              "properties": {
                "id": { "type": "string" },
                "title": { "type": ["string", "null"] },
                "status": { "type": ["string", "null"], "enum": ["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn", null] },
                "value": { "$ref": "#/definitions/Value" },
                "suitability": { "$ref": "#/definitions/Suitability" }
              }
            },
            "Suitability": { "type": "object", "properties": { "sme": { "type": ["boolean", "null"] } }, "minProperties": 1 },
            "Location": { "type": "object" }
          }
        }
        """;

    public static bool HasData => File.Exists(Path.Combine(Data, "ocds-schema-1.1", "release-schema.json"));

    public static void RequireData() => TestEnvironment.SkipUnless(HasData, $"The OCDS schema is not in {Data}");

    /// <summary>The core schema alone.</summary>
    public static Task<JsonSchema> CoreAsync() => PackageSchemaAsync([]);

    /// <summary>The core schema with the UK extension (from the shared data) and the lots and suitability fields merged in.</summary>
    public static Task<JsonSchema> WithUkExtensionAsync() =>
        PackageSchemaAsync([JsonNode.Parse(LotsAndSuitability)!, Read("ocds-uk-extension", "release-schema.json")]);

    public static async Task<JsonSchema> PackageSchemaAsync(IReadOnlyList<JsonNode> extensions)
    {
        RequireData();
        var release = Read("ocds-schema-1.1", "release-schema.json").AsObject();
        foreach (var extension in extensions)
        {
            release = MergePatch(release, extension).AsObject();
        }

        // The package refers to the release schema by its URL; put it in place, with its definitions at the root so
        // that its "#/definitions/..." references still resolve, and nothing is fetched.
        var package = Read("ocds-schema-1.1", "release-package-schema.json").AsObject();
        package.Remove("id");
        package["definitions"] = release["definitions"]!.DeepClone();
        var items = release.DeepClone().AsObject();
        items.Remove("definitions");
        items.Remove("id");
        items.Remove("$schema");
        package["properties"]!["releases"]!["items"] = items;
        return await JsonSchema.FromJsonAsync(package.ToJsonString());
    }

    /// <summary>The errors, each as "kind: path", so a failing test says what is wrong and where.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json) =>
        Flatten(schema.Validate(json)).ToList();

    /// <summary>RFC 7386: objects merge key by key, null removes a key, anything else replaces.</summary>
    public static JsonNode MergePatch(JsonNode? target, JsonNode patch)
    {
        if (patch is not JsonObject changes)
        {
            return patch.DeepClone();
        }

        var result = target is JsonObject existing ? existing.DeepClone().AsObject() : [];
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = MergePatch(result[key], value);
            }
        }

        return result;
    }

    /// <summary>The codes in one of OCDS's codelists (the first column of its CSV).</summary>
    public static IReadOnlySet<string> Codelist(string name) =>
        File.ReadAllLines(Path.Combine(Data, "ocds-schema-1.1", "codelists", name + ".csv")).Skip(1)
            .Where(line => line.Length > 0).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);

    private static JsonNode Read(string folder, string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Data, folder, file)))!;

    private static IEnumerable<string> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Any(e => e.Value.Count > 0))
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return $"{error.Kind}: {error.Path}";
            }
        }
    }
}
