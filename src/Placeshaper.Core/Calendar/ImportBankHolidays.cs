using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Calendar;

/// <summary>
/// Loads GOV.UK's <c>bank-holidays.json</c> (https://www.gov.uk/bank-holidays.json) into the installation's bank
/// holidays, whole or not at all. The format is GOV.UK's own:
/// <c>{"england-and-wales":{"division":"england-and-wales","events":[{"title","date","notes","bunting"}]},"scotland":…,"northern-ireland":…}</c>.
/// For each division and year in the file, the file is taken as the whole truth: dates it no longer lists (a moved
/// holiday) are removed, other years are left alone; importing the same file again changes nothing. Recorded once in
/// the audit trail with the file's checksum, as well as row by row.
/// </summary>
public sealed class ImportBankHolidays(PlaceshaperDb db)
{
    /// <summary>GOV.UK's file is about 20 KB; anything far larger is not it.</summary>
    public const int MaxBytes = 1024 * 1024;

    public async Task<ImportReport> HandleAsync(byte[] content, string file, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var parsed = Parse(content, file, problems);
        if (problems.Count > 0)
        {
            return ImportReport.Refused(file, parsed.Count, problems);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var source = $"{file}, in GOV.UK's bank-holidays.json format (sha256 {Convert.ToHexStringLower(SHA256.HashData(content))[..16]})";
        var years = parsed.Select(h => h.Date.Year).Distinct().ToList();
        var divisions = parsed.Select(h => h.Division).Distinct().ToList();
        var stored = (await db.BankHolidays.Where(h => divisions.Contains(h.Division)).ToListAsync(cancellationToken))
            .Where(h => years.Contains(h.Date.Year)).ToList();
        var incoming = parsed.ToDictionary(h => (h.Division, h.Date));
        int added = 0, updated = 0, unchanged = 0, removed = 0;
        foreach (var old in stored)
        {
            // Only the division-years the file speaks for: a file of England and Wales alone leaves Scotland be.
            if (!incoming.ContainsKey((old.Division, old.Date)) && parsed.Any(h => h.Division == old.Division && h.Date.Year == old.Date.Year))
            {
                db.BankHolidays.Remove(old);
                removed++;
            }
        }

        var existing = stored.ToDictionary(h => (h.Division, h.Date));
        foreach (var holiday in parsed)
        {
            if (!existing.TryGetValue((holiday.Division, holiday.Date), out var row))
            {
                db.BankHolidays.Add(new BankHoliday { Division = holiday.Division, Date = holiday.Date, Title = holiday.Title, Notes = holiday.Notes, Source = source, ImportedAt = now });
                added++;
            }
            else if (row.Title != holiday.Title || row.Notes != holiday.Notes)
            {
                (row.Title, row.Notes, row.Source, row.ImportedAt) = (holiday.Title, holiday.Notes, source, now);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        if (added + updated + removed > 0)
        {
            db.RecordDecision(new AuditDecision(null, "bank-holidays-imported", "Import", file, After: string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(content))}\",\"added\":{added},\"updated\":{updated},\"removed\":{removed}}}")));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ImportReport(file, parsed.Count, added, updated, unchanged, []) { Removed = removed };
    }

    private sealed record Parsed(string Division, DateOnly Date, string Title, string Notes);

    /// <summary>Reads the file, adding a problem for each thing wrong, named by its place in the JSON (like <c>scotland.events[3].date</c>).</summary>
    private static List<Parsed> Parse(byte[] content, string file, List<ImportProblem> problems)
    {
        var holidays = new List<Parsed>();
        void Problem(string field, string reason) => problems.Add(new ImportProblem(file, 0, field, $"{field}: {reason}"));
        if (content.Length > MaxBytes)
        {
            problems.Add(new ImportProblem(file, 0, null, $"the file is larger than {MaxBytes / 1024} KB: GOV.UK's bank-holidays.json is far smaller"));
            return holidays;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem(file, (int)(e.LineNumber ?? -1) + 1, null, "this is not JSON: export GOV.UK's https://www.gov.uk/bank-holidays.json as it is"));
            return holidays;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ImportProblem(file, 0, null, "expected an object with a member for each part of the UK (england-and-wales, scotland, northern-ireland), as in GOV.UK's bank-holidays.json"));
                return holidays;
            }

            var seen = new HashSet<(string, DateOnly)>();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                var division = member.Name;
                if (!Divisions.All.Contains(division))
                {
                    Problem(division, $"'{division}' is not one of GOV.UK's divisions: england-and-wales, scotland or northern-ireland");
                    continue;
                }

                if (member.Value.ValueKind != JsonValueKind.Object)
                {
                    Problem(division, "expected an object with \"division\" and \"events\"");
                    continue;
                }

                if (member.Value.TryGetProperty("division", out var named) && (named.ValueKind != JsonValueKind.String || named.GetString() != division))
                {
                    Problem($"{division}.division", $"says '{named}', not '{division}'");
                }

                if (!member.Value.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                {
                    Problem($"{division}.events", "missing: expected the list of bank holidays");
                    continue;
                }

                var i = 0;
                foreach (var holiday in events.EnumerateArray())
                {
                    var at = $"{division}.events[{i++}]";
                    if (holiday.ValueKind != JsonValueKind.Object)
                    {
                        Problem(at, "expected an object with \"title\" and \"date\"");
                        continue;
                    }

                    var title = Text(holiday, "title");
                    var notes = Text(holiday, "notes") ?? "";
                    var date = Text(holiday, "date");
                    var ok = true;
                    if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
                    {
                        Problem($"{at}.title", "give the holiday's name, up to 200 characters");
                        ok = false;
                    }

                    if (notes.Length > 200)
                    {
                        Problem($"{at}.notes", "the notes can be up to 200 characters");
                        ok = false;
                    }

                    if (holiday.TryGetProperty("bunting", out var bunting) && bunting.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        Problem($"{at}.bunting", "expected true or false");
                        ok = false;
                    }

                    if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year < 1971)
                    {
                        Problem($"{at}.date", $"'{date}' is not a date like 2026-12-28");
                        continue;
                    }

                    if (!seen.Add((division, day)))
                    {
                        Problem($"{at}.date", $"{day:yyyy-MM-dd} appears more than once for {division}");
                        continue;
                    }

                    if (ok)
                    {
                        holidays.Add(new Parsed(division, day, title!.Trim(), notes.Trim()));
                    }
                }
            }

            if (problems.Count == 0 && holidays.Count == 0)
            {
                problems.Add(new ImportProblem(file, 0, null, "there are no bank holidays in the file: expected GOV.UK's bank-holidays.json"));
            }
        }

        return holidays;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
