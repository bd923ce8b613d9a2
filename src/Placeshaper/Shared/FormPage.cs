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
