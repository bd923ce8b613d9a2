using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Needs;

/// <summary>Enters one figure by hand, or corrects it: the same rules as an import.</summary>
public sealed class RecordIndicatorValue(PlaceshaperDb db)
{
    public sealed record Command(string? AreaCode, string? Period, decimal? Value);

    public async Task<Result<IndicatorValue>> HandleAsync(Indicator indicator, Command command, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var areaCode = command.AreaCode?.Trim().ToUpperInvariant();
        var area = areaCode is null ? null : await db.Areas.SingleOrDefaultAsync(a => a.OrganisationId == indicator.OrganisationId && a.Code == areaCode, cancellationToken);
        if (area is null)
        {
            errors.Add("areaCode", "Choose one of the organisation's areas");
        }

        if (!Period.TryParse(command.Period, out var period))
        {
            errors.Add("period", $"Enter the period as {Period.Formats}");
        }

        var value = command.Value is { } given ? IndicatorValue.Normalise(given) : null;
        if (value is null)
        {
            errors.Add("value", "Enter the value as a number of at most a million million");
        }

        if (errors.Any)
        {
            return errors;
        }

        var stored = await db.IndicatorValues.SingleOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.AreaId == area!.Id && v.Period == period.Label, cancellationToken);
        if (stored is null)
        {
            stored = IndicatorValue.New(indicator.OrganisationId, indicator.Id, area!.Id, period, value!.Value, db.Clock.GetUtcNow().UtcDateTime);
            db.IndicatorValues.Add(stored);
        }
        else
        {
            stored.Update(value!.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }
}
