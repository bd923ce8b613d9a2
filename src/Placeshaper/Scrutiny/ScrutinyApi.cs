using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Scrutiny;

public static class ScrutinyApi
{
    public sealed record QuestionRequest(string? Title, string? Question, ScrutinySubject? Subject, Guid? SubjectId, DateOnly? DueOn);

    public sealed record TextRequest(string? Text);

    public sealed record EntryView(int Number, EntryKind Kind, string Text, string By, DateTime At);

    public sealed record QuestionView(Guid Id, int Number, string Title, ScrutinySubject Subject, Guid? SubjectId, string? SubjectName, string AskedBy, DateTime AskedAt,
        DateOnly DueOn, QuestionStatus Status, bool Overdue, DateTime? ClosedAt, IReadOnlyList<EntryView> Thread);

    public sealed record ContractReportView(Guid Id, string Reference, string Title, string Supplier, bool? SupplierIsSme, bool? SupplierIsVcse, bool? SupplierIsLocal,
        Contracts.ContractStatus Status, decimal? TotalValue, decimal? AnnualValue, DateOnly? StartDate, DateOnly? CurrentExpiry, Specifications.PaymentMechanism? PaymentMechanism,
        DateOnly? ExtensionDecisionDue, IReadOnlyList<CommitteeReports.KpiResult> Kpis, Reviews.RatingSummary Rating, IReadOnlyList<QuestionView> Questions, DateTime GeneratedAt);

    public sealed record MoveView(DateTime At, string By, string Reason, IReadOnlyList<Programmes.Stage> Entered);

    public sealed record ProgrammeContractView(Guid Id, string Reference, string Title, string Supplier, decimal? TotalValue, DateOnly? CurrentExpiry, DateOnly? LatestPeriod,
        Contracts.Delivery.Rag? Worst, int Reviews, decimal? Rating);

    public sealed record ProgrammeReportView(Guid Id, string Name, IReadOnlyList<Programmes.Stage> Stages, DateTime? ClosedAt, IReadOnlyList<MoveView> History,
        IReadOnlyList<Placeshaper.Outcomes.OutcomeQueries.OutcomeView> Outcomes, IReadOnlyList<ProgrammeContractView> Contracts, IReadOnlyList<QuestionView> Questions, DateTime GeneratedAt);

    public static void Map(RouteGroupBuilder organisation)
    {
        var reports = organisation.MapGroup("/scrutiny/reports").WithTags("Scrutiny").WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Readers));
        reports.MapGet("/contracts/{contractId:guid}", ContractReportAsync).WithName("GetContractCommitteeReport")
            .WithSummary("A committee report on a contract from live data: supplier, value, term, KPIs with their latest approved values and ratings, residents' ratings, and every question about it");
        reports.MapGet("/programmes/{programmeId:guid}", ProgrammeReportAsync).WithName("GetProgrammeCommitteeReport")
            .WithSummary("A committee report on a programme from live data: stages and latest moves, outcomes against targets, contracts with performance and ratings, and every question about them");

        var questions = organisation.MapGroup("/scrutiny/questions").WithTags("Scrutiny").WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Readers));
        questions.MapGet("/", ListAsync).WithName("ListScrutinyQuestions").WithSummary("Councillors' questions on the record; filter by status, overdue, subject");
        questions.MapPost("/", AskAsync).WithName("AskScrutinyQuestion").WithSummary("Ask officers a question about a programme, contract or outcome (councillors)")
            .WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Askers));
        questions.MapGet("/{questionId:guid}", GetAsync).WithName("GetScrutinyQuestion").WithSummary("A question with its whole thread");
        questions.MapPost("/{questionId:guid}/answers", AnswerAsync).WithName("AnswerScrutinyQuestion").WithSummary("Answer on the record (officers)")
            .WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Answerers));
        questions.MapPost("/{questionId:guid}/follow-ups", FollowUpAsync).WithName("FollowUpScrutinyQuestion").WithSummary("Ask a follow-up (the councillor who asked)")
            .WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Askers));
        questions.MapPost("/{questionId:guid}/close", CloseAsync).WithName("CloseScrutinyQuestion").WithSummary("Close an answered question (the councillor who asked)")
            .WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Askers));
    }

    private static async Task<Ok<IReadOnlyList<ScrutinyQueries.Listed>>> ListAsync(
        QuestionStatus? status, bool? overdue, ScrutinySubject? subject, Guid? subjectId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ScrutinyQueries.ListAsync(db, organisation.Id, new(status, overdue == true, subject, subjectId), cancellationToken));

    private static async Task<Results<Created<QuestionView>, ValidationProblem>> AskAsync(
        QuestionRequest request, AskQuestion ask, Viewer viewer, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var asked = await ask.AskAsync(organisation.Id, new(request.Title, request.Question, request.Subject, request.SubjectId, request.DueOn), viewer.PersonId!.Value, viewer.DisplayName, cancellationToken);
        return asked.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/scrutiny/questions/{asked.Value.Id}", await ViewAsync(db, asked.Value, cancellationToken))
            : Problems.Validation(asked.Errors);
    }

    private static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> GetAsync(Guid questionId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ScrutinyQueries.FindAsync(db, organisation.Id, questionId, cancellationToken) is { } question
            ? TypedResults.Ok(await ViewAsync(db, question, cancellationToken))
            : Problems.NotFound("Question");

    private static Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid questionId, TextRequest request, AskQuestion ask, Viewer viewer, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ActAsync(questionId, q => ask.AnswerAsync(q, request.Text, viewer.PersonId!.Value, viewer.DisplayName, cancellationToken), db, organisation, cancellationToken);

    private static Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> FollowUpAsync(
        Guid questionId, TextRequest request, AskQuestion ask, Viewer viewer, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ActAsync(questionId, q => ask.FollowUpAsync(q, request.Text, viewer.PersonId!.Value, viewer.DisplayName, cancellationToken), db, organisation, cancellationToken);

    private static Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        Guid questionId, AskQuestion ask, Viewer viewer, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ActAsync(questionId, q => ask.CloseAsync(q, viewer.PersonId!.Value, cancellationToken), db, organisation, cancellationToken);

    private static async Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> ActAsync(
        Guid questionId, Func<ScrutinyQuestion, Task<Result<ScrutinyQuestion>>> act, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ScrutinyQueries.FindAsync(db, organisation.Id, questionId, cancellationToken) is not { } question)
        {
            return Problems.NotFound("Question");
        }

        var done = await act(question);
        return done.Succeeded ? TypedResults.Ok(await ViewAsync(db, question, cancellationToken)) : Problems.Validation(done.Errors);
    }

    private static async Task<Results<Ok<ContractReportView>, ProblemHttpResult>> ContractReportAsync(
        Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await CommitteeReports.ContractAsync(db, organisation.Id, contractId, cancellationToken) is not { } report)
        {
            return Problems.NotFound("Contract");
        }

        var c = report.Listed.Contract;
        return TypedResults.Ok(new ContractReportView(c.Id, c.Reference, c.Title, c.SupplierName, report.Listed.Supplier.IsSme, report.Listed.Supplier.IsVcse, report.Listed.Supplier.IsLocal,
            report.Listed.Status, c.TotalValue, c.AnnualValue, c.StartDate, c.CurrentExpiry, c.PaymentMechanism, c.ExtensionDecisionDue, report.Kpis, report.Rating,
            await ViewsAsync(db, report.Questions, cancellationToken), report.GeneratedAt));
    }

    private static async Task<Results<Ok<ProgrammeReportView>, ProblemHttpResult>> ProgrammeReportAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await CommitteeReports.ProgrammeAsync(db, organisation.Id, programmeId, cancellationToken) is not { } report)
        {
            return Problems.NotFound("Programme");
        }

        var p = report.Programme;
        return TypedResults.Ok(new ProgrammeReportView(p.Id, p.Name, p.Stages, p.ClosedAt, report.History.Select(m => new MoveView(m.At, m.ByName, m.Reason, m.Entered)).ToList(),
            report.Outcomes,
            report.Contracts.Select(x => new ProgrammeContractView(x.Listed.Contract.Id, x.Listed.Contract.Reference, x.Listed.Contract.Title, x.Listed.Contract.SupplierName,
                x.Listed.Contract.TotalValue, x.Listed.Contract.CurrentExpiry, x.Period, x.Worst, x.Rating?.Count ?? 0, x.Rating?.Overall)).ToList(),
            await ViewsAsync(db, report.Questions, cancellationToken), report.GeneratedAt));
    }

    private static async Task<IReadOnlyList<QuestionView>> ViewsAsync(PlaceshaperDb db, IReadOnlyList<ScrutinyQuestion> questions, CancellationToken cancellationToken)
    {
        var views = new List<QuestionView>();
        foreach (var question in questions)
        {
            views.Add(await ViewAsync(db, question, cancellationToken));
        }

        return views;
    }

    private static async Task<QuestionView> ViewAsync(PlaceshaperDb db, ScrutinyQuestion q, CancellationToken cancellationToken)
    {
        var name = q.SubjectId is { } id ? (await ScrutinyQueries.SubjectNamesAsync(db, [q], cancellationToken)).GetValueOrDefault(id) : null;
        return new QuestionView(q.Id, q.Number, q.Title, q.Subject, q.SubjectId, name, q.AskedByName, q.AskedAt, q.DueOn, q.Status, q.IsOverdue(db.Clock.GetUtcNow().UtcDateTime.UkDate()), q.ClosedAt,
            q.Entries.OrderBy(e => e.Number).Select(e => new EntryView(e.Number, e.Kind, e.Text, e.PersonName, e.At)).ToList());
    }
}
