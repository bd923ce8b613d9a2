using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Common;

namespace Placeshaper.Shared;

/// <summary>A page with a form: collects field errors for the GOV.UK error summary and the fields themselves.</summary>
public abstract class FormPage : PageModel
{
    private readonly List<(string Field, string Message)> errors = [];

    public IReadOnlyList<(string Field, string Message)> FieldErrors => errors;

    public bool HasErrors => errors.Count > 0;

    /// <summary>The first error for a field (ids match the input's id), or null.</summary>
    public string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>Adds an error unless the field has one already: GOV.UK shows one message per field, the first found.</summary>
    protected void AddError(string field, string message)
    {
        if (ErrorFor(field) is not null)
        {
            return;
        }

        errors.Add((field, message));
        ViewData["HasErrors"] = true;
    }

    /// <summary>
    /// A number typed in a form ("2,360", "-3.5"), read by the rule needs figures use; null when left empty, or when
    /// it is not a number, which is then the field's error.
    /// </summary>
    protected decimal? Number(string field, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = Needs.IndicatorValue.Parse(text);
        if (value is null)
        {
            AddError(field, message);
        }

        return value;
    }

    /// <summary>The date of a GOV.UK date input; null when left empty, or when it is not a real date, which is then the field's error.</summary>
    protected DateOnly? Date(string field, DateInput input, string message)
    {
        if (!input.IsEmpty && input.Value is null)
        {
            AddError(field, message);
        }

        return input.Value;
    }

    protected void AddErrors(Errors result, Func<string, string>? fieldId = null)
    {
        foreach (var (field, messages) in result.ByField)
        {
            foreach (var message in messages)
            {
                AddError(fieldId?.Invoke(field) ?? field, message);
            }
        }
    }
}
