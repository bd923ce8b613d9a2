using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Needs;

namespace Placeshaper.Outcomes;

/// <summary>
/// The changes people make to the outcomes framework by hand, shared by its pages and its API: each looks up what
/// the request names within the organisation, leaves the rules to the entities, and saves (audited as it saves).
/// </summary>
public static class OutcomeChanges
{
    /// <summary>A new measure as a form or a request gives it: codes and slugs, not ids.</summary>
    public sealed record MeasureCommand(
        Guid? OutcomeId, string? Name, string? Indicator, string? AreaCode, string? Unit, Polarity? Polarity,
        decimal? Baseline, DateOnly? BaselineDate, decimal? Target, DateOnly? TargetDate, string? Owner);

    public static async Task<Result<OutcomeTheme>> AddThemeAsync(PlaceshaperDb db, Guid organisationId, string? name, CancellationToken cancellationToken)
    {
        var added = OutcomeTheme.Add(organisationId, name, db.Clock.GetUtcNow().UtcDateTime);
        if (!added.Succeeded)
        {
            return added;
        }

        if (await ThemeNameTakenAsync(db, organisationId, added.Value.Name, null, cancellationToken))
        {
            return Errors.For("name", "There is already a theme with that name");
        }

        db.OutcomeThemes.Add(added.Value);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public static async Task<Result<OutcomeTheme>> RenameThemeAsync(PlaceshaperDb db, OutcomeTheme theme, string? name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(name) && await ThemeNameTakenAsync(db, theme.OrganisationId, name.Trim(), theme.Id, cancellationToken))
        {
            return Errors.For("name", "There is already a theme with that name");
        }

        var renamed = theme.Rename(name);
        if (renamed.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return renamed;
    }

    public static async Task<Result<Outcome>> AddOutcomeAsync(
        PlaceshaperDb db, Guid organisationId, Guid? themeId, string? statement, Guid? programmeId, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var theme = themeId is null ? null : await db.OutcomeThemes.SingleOrDefaultAsync(t => t.Id == themeId && t.OrganisationId == organisationId, cancellationToken);
        if (theme is null)
        {
            errors.Add("themeId", "Choose one of the organisation's themes");
        }

        Merge(errors, Outcome.CheckStatement(statement));
        await CheckProgrammeAsync(db, organisationId, programmeId, errors, cancellationToken);
        if (errors.Any)
        {
            return errors;
        }

        var outcome = Outcome.Add(theme!, statement, programmeId, db.Clock.GetUtcNow().UtcDateTime).Value!;
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    public static async Task<Result<Outcome>> RewordOutcomeAsync(PlaceshaperDb db, Outcome outcome, string? statement, Guid? programmeId, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        Merge(errors, Outcome.CheckStatement(statement));
        await CheckProgrammeAsync(db, outcome.OrganisationId, programmeId, errors, cancellationToken);
        var reworded = errors.Any ? errors : outcome.Reword(statement, programmeId);
        if (reworded.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return reworded;
    }

    public static async Task<Result<Outcome>> RetireOutcomeAsync(PlaceshaperDb db, Outcome outcome, string? reason, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var retired = outcome.Retire(reason, now);
        if (retired.Succeeded)
        {
            // Its measures retire with it, for the same reason, so that none of them takes figures or changes afterwards.
            foreach (var measure in await db.OutcomeMeasures.Where(m => m.OutcomeId == outcome.Id && m.RetiredAt == null).ToListAsync(cancellationToken))
            {
                measure.Retire(outcome.RetiredReason, now);
            }

            db.RecordDecision(new AuditDecision(outcome.OrganisationId, "outcome-retired", nameof(Outcome), outcome.Id.ToString(), After: Json(outcome.RetiredReason!)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return retired;
    }

    public static async Task<Result<OutcomeMeasure>> AddMeasureAsync(PlaceshaperDb db, Guid organisationId, MeasureCommand command, CancellationToken cancellationToken)
    {
        var measure = await DefineMeasureAsync(db, organisationId, command, cancellationToken);
        if (measure.Succeeded)
        {
            db.OutcomeMeasures.Add(measure.Value);
            await db.SaveChangesAsync(cancellationToken);
        }

        return measure;
    }

    /// <summary>A new measure checked against the rules and the organisation's outcomes, indicators and areas, not yet added.</summary>
    public static async Task<Result<OutcomeMeasure>> DefineMeasureAsync(PlaceshaperDb db, Guid organisationId, MeasureCommand command, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var outcome = command.OutcomeId is null ? null : await db.Outcomes.SingleOrDefaultAsync(o => o.Id == command.OutcomeId && o.OrganisationId == organisationId, cancellationToken);
        if (outcome is null)
        {
            errors.Add("outcomeId", "Choose one of the organisation's outcomes");
        }

        Indicator? indicator = null;
        if (!string.IsNullOrWhiteSpace(command.Indicator))
        {
            var code = command.Indicator.Trim().ToLowerInvariant();
            indicator = await db.Indicators.SingleOrDefaultAsync(i => i.OrganisationId == organisationId && i.Code == code, cancellationToken);
            if (indicator is null)
            {
                errors.Add("indicator", $"There is no indicator '{command.Indicator}'");
            }
        }

        Guid? areaId = null;
        if (!string.IsNullOrWhiteSpace(command.AreaCode))
        {
            var code = command.AreaCode.Trim().ToUpperInvariant();
            areaId = await db.Areas.Where(a => a.OrganisationId == organisationId && a.Code == code).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (areaId is null)
            {
                errors.Add("areaCode", $"There is no area '{command.AreaCode}'");
            }
        }

        var owner = await OwnerAsync(db, organisationId, command.Owner, errors, cancellationToken);
        if (outcome is null)
        {
            return errors;
        }

        // The entity's own rules are checked too, so that every problem is reported at once.
        var measure = OutcomeMeasure.Define(outcome, command.Name, indicator, areaId, command.Unit, command.Polarity ?? Polarity.NoJudgement,
            command.Baseline, command.BaselineDate, command.Target, command.TargetDate, owner, db.Clock.GetUtcNow().UtcDateTime);
        if (errors.Any)
        {
            Merge(errors, measure.Errors);
            return errors;
        }

        return measure;
    }

    public static async Task<Result<OutcomeMeasure>> RetireMeasureAsync(PlaceshaperDb db, OutcomeMeasure measure, string? reason, CancellationToken cancellationToken)
    {
        var retired = measure.Retire(reason, db.Clock.GetUtcNow().UtcDateTime);
        if (retired.Succeeded)
        {
            db.RecordDecision(new AuditDecision(measure.OrganisationId, "measure-retired", nameof(OutcomeMeasure), measure.Id.ToString(), After: Json(measure.RetiredReason!)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return retired;
    }

    /// <summary>The organisation that owns a measure, by slug (any organisation, since the owner may be a partner); the caller's own when none is named.</summary>
    public static async Task<Guid> OwnerAsync(PlaceshaperDb db, Guid organisationId, string? slug, Errors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return organisationId;
        }

        var key = slug.Trim().ToLowerInvariant();
        var ownerId = await db.Organisations.IgnoreQueryFilters().Where(o => o.Slug == key).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            errors.Add("owner", $"There is no organisation '{slug}'");
            return organisationId;
        }

        return ownerId.Value;
    }

    private static async Task CheckProgrammeAsync(PlaceshaperDb db, Guid organisationId, Guid? programmeId, Errors errors, CancellationToken cancellationToken)
    {
        if (programmeId is { } id && !await db.Programmes.AnyAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken))
        {
            errors.Add("programmeId", "Choose a programme the organisation leads");
        }
    }

    private static Task<bool> ThemeNameTakenAsync(PlaceshaperDb db, Guid organisationId, string name, Guid? except, CancellationToken cancellationToken) =>
        db.OutcomeThemes.AnyAsync(t => t.OrganisationId == organisationId && t.Name == name && t.Id != except, cancellationToken);

    private static void Merge(Errors into, Errors? from)
    {
        if (from is null)
        {
            return;
        }

        foreach (var (field, messages) in from.ByField)
        {
            foreach (var message in messages)
            {
                into.Add(field, message);
            }
        }
    }

    private static string Json(string reason) => System.Text.Json.JsonSerializer.Serialize(new { reason });
}
