using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Placeshaper.Common;

namespace Placeshaper.Api;

/// <summary>
/// Two checks on every JSON request body, before its handler runs, that the JSON reader does not make:
/// <list type="bullet">
/// <item>an empty item (JSON <c>null</c>) in a list whose items may not be empty, such as <c>"partners": [null]</c>,
/// which the reader lets through whatever the list's declared type and a handler would fail on. Lists declared with
/// items that may be empty (<c>decimal?</c>, <c>string?</c>) are left alone;</item>
/// <item>a date outside the years the pages' date fields take (<see cref="Shared.DateInput"/>), such as 0001-01-01 or
/// 9999-12-31: a placeholder or a slip, never a date in commissioning.</item>
/// </list>
/// Errors name the place as validation names fields (<c>contributions[0]</c>, <c>breach.occurredOn</c>), so a
/// client's mistake is a 400 and never a 500 or a stored nonsense.
/// </summary>
internal sealed class RequestBodyChecks : IEndpointFilter
{
    public const int FirstYear = Shared.DateInput.FirstYear;

    public const int LastYear = Shared.DateInput.LastYear;

    /// <summary>How deep into nested objects and lists a body is looked at; request bodies here nest two or three deep.</summary>
    private const int Deepest = 6;

    private enum Kind
    {
        Object,
        List,
        Date,
    }

    private sealed record Member(PropertyInfo Property, string Name, Kind Kind, bool ItemsMayBeEmpty);

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Members = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is { } bodyType)
        {
            var errors = new Errors();
            foreach (var argument in context.Arguments)
            {
                if (argument is not null && argument.GetType() == bodyType)
                {
                    Check(argument, "", errors, 0);
                }
            }

            if (errors.Any)
            {
                return Problems.Validation(errors);
            }
        }

        return await next(context);
    }

    private static void Check(object value, string path, Errors errors, int depth)
    {
        if (depth > Deepest || !IsOurs(value.GetType()))
        {
            return;
        }

        foreach (var member in Members.GetOrAdd(value.GetType(), MembersOf))
        {
            if (member.Property.GetValue(value) is not { } held)
            {
                continue;
            }

            switch (member.Kind)
            {
                case Kind.Date:
                    if (YearOf(held) is < FirstYear or > LastYear)
                    {
                        errors.Add(path + member.Name, $"Give a date from {FirstYear} to {LastYear}");
                    }

                    break;
                case Kind.Object:
                    Check(held, $"{path}{member.Name}.", errors, depth + 1);
                    break;
                case Kind.List:
                    var index = 0;
                    foreach (var item in (IEnumerable)held)
                    {
                        if (item is null && !member.ItemsMayBeEmpty)
                        {
                            errors.Add($"{path}{member.Name}[{index}]", "Give this item, or leave it out of the list: it is empty (null)");
                        }
                        else if (item is not null && IsOurs(item.GetType()))
                        {
                            Check(item, $"{path}{member.Name}[{index}].", errors, depth + 1);
                        }

                        index++;
                    }

                    break;
            }
        }
    }

    private static int YearOf(object date) => date switch
    {
        DateOnly d => d.Year,
        DateTime t => t.Year,
        DateTimeOffset o => o.UtcDateTime.Year,
        _ => FirstYear,
    };

    private static bool IsDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var plain && (plain == typeof(DateOnly) || plain == typeof(DateTime) || plain == typeof(DateTimeOffset));

    /// <summary>Request types are the product's own records; framework types (strings, dates, files) are not looked into.</summary>
    private static bool IsOurs(Type type) =>
        !type.IsPrimitive && type != typeof(string) && type.Namespace?.StartsWith("Placeshaper", StringComparison.Ordinal) == true;

    private static IReadOnlyList<Member> MembersOf(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var members = new List<Member>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string))
            {
                continue;
            }

            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (IsDate(property.PropertyType))
            {
                members.Add(new Member(property, name, Kind.Date, ItemsMayBeEmpty: true));
                continue;
            }

            if (property.PropertyType.IsValueType)
            {
                continue;
            }

            var info = nullability.Create(property);
            var item = info.ElementType ?? (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
            if (item is { Type.IsValueType: true })
            {
                // Numbers, dates and bytes (a document's content, up to megabytes): nothing in them can be empty or
                // looked into, and going through them one by one would cost as much as the upload.
                continue;
            }

            if (item is not null)
            {
                members.Add(new Member(property, name, Kind.List, ItemsMayBeEmpty: item.ReadState != NullabilityState.NotNull));
            }
            else if (IsOurs(property.PropertyType))
            {
                members.Add(new Member(property, name, Kind.Object, ItemsMayBeEmpty: true));
            }
        }

        return members;
    }
}
