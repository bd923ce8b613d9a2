using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Scrutiny;

namespace Placeshaper.Demo;

/// <summary>
/// Cllr Carys Jones's questions: one about family support that Chris Commissioner has answered, and one about the
/// facilities contract's extension that is overdue.
/// </summary>
internal static class DemoScrutiny
{
    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, (Guid Id, string Name) councillor, (Guid Id, string Name) commissioner, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.ScrutinyQuestions.IgnoreQueryFilters().AnyAsync(q => q.OrganisationId == anytown.Id, cancellationToken))
        {
            return;
        }

        var contracts = await db.Contracts.IgnoreQueryFilters().Where(c => c.OrganisationId == anytown.Id)
            .ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        if (!contracts.TryGetValue(DemoContracts.FamilySupport, out var family) || !contracts.TryGetValue(DemoContracts.Facilities, out var facilities))
        {
            return;
        }

        var askedFamily = now.AddDays(-30);
        var workers = ScrutinyQuestion.Ask(anytown.Id, 1, new ScrutinyQuestion.Input(
                "Changes of key worker in family support",
                "Residents tell me families have had three key workers in six months. How many families changed worker last year, and what is Brightside doing about it?",
                ScrutinySubject.Contract, family, null),
            councillor.Id, councillor.Name, subjectExists: true, askedFamily.UkDate(), askedFamily.UkDate().AddDays(14), askedFamily).Value!;
        _ = workers.Answer(
            "Of 212 families supported last year, 41 changed key worker, mostly over the winter when Brightside had four vacancies. Since April every family keeps one named worker from start to finish, and we check it in the quarterly contract review.",
            commissioner.Id, commissioner.Name, askedFamily.AddDays(9)).Value!;

        var askedFacilities = now.AddDays(-25);
        var extension = ScrutinyQuestion.Ask(anytown.Id, 2, new ScrutinyQuestion.Input(
                "Extending the facilities management contract",
                "The decision to extend the facilities contract is overdue. Will officers bring an options appraisal to this committee before it is extended?",
                ScrutinySubject.Contract, facilities, null),
            councillor.Id, councillor.Name, subjectExists: true, askedFacilities.UkDate(), askedFacilities.UkDate().AddDays(14), askedFacilities).Value!;

        db.ScrutinyQuestions.AddRange(workers, extension);
        await db.SaveChangesAsync(cancellationToken);
    }
}
