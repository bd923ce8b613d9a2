using System.Text;
using Placeshaper.Tenders;

namespace Placeshaper.Tests.Tenders;

public sealed class TenderDocumentTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    private static readonly byte[] Text = Encoding.UTF8.GetBytes("What the service must achieve");

    private static Tender Draft() =>
        Tender.Draft(Guid.NewGuid(), null, "T-1", "Lunch clubs", null, ContractKind.GoodsAndServices, 90_000m, ProcurementThresholds.Official, Now).Value!;

    private static Tender Published()
    {
        var tender = Draft();
        tender.SetAwardCriteria(40, 50, 10, null,
        [
            new(null, QuestionKind.Quality, "How?", 100, ["0", "1", "2", "3", "4", "5"]),
            new(null, QuestionKind.SocialValue, "Who?", 100, ["0", "1", "2", "3", "4", "5"]),
        ], Now).ShouldBeNull();
        tender.SetLots([], "One service", true, true, Now).ShouldBeNull();
        tender.SetTimetable(Now.AddDays(10), Now.AddDays(30), Now).ShouldBeNull();
        tender.Publish(Now, ProcurementThresholds.Official).ShouldBeNull();
        return tender;
    }

    [Fact]
    public void A_drafts_document_is_kept_with_its_type_and_checksum_and_can_be_removed()
    {
        var tender = Draft();

        var document = TenderDocument.Add(tender, 0, " Specification ", TenderDocumentKind.Specification, "C:\\work\\spec.txt", Text, null, Guid.NewGuid(), Now).Value!;

        (document.Title, document.FileName, document.ContentType, document.Size, document.IsAddendum).ShouldBe(("Specification", "spec.txt", "text/plain", Text.Length, false));
        document.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Text)));
        document.CanRemove(tender).ShouldBeNull();
    }

    [Fact]
    public void After_publication_a_document_is_an_addendum_with_its_reason_until_the_deadline_and_none_is_removed()
    {
        var tender = Published();

        TenderDocument.Add(tender, 1, "Revised pricing schedule", TenderDocumentKind.PricingSchedule, "prices.xlsx", Text, " ", Guid.NewGuid(), Now.AddDays(1))
            .Errors!.ByField.Keys.ShouldBe(["addendumReason"]);
        var addendum = TenderDocument.Add(tender, 1, "Revised pricing schedule", TenderDocumentKind.PricingSchedule, "prices.xlsx", Text, "Year 3 was missing", Guid.NewGuid(), Now.AddDays(1)).Value!;
        (addendum.IsAddendum, addendum.AddendumReason).ShouldBe((true, "Year 3 was missing"));
        addendum.CanRemove(tender)!.ByField.Keys.ShouldBe(["document"]);
        TenderDocument.Add(tender, 2, "Too late", TenderDocumentKind.Other, "late.pdf", Text, "Forgot", Guid.NewGuid(), Now.AddDays(31))
            .Errors!.ByField.Keys.ShouldBe(["tender"]);
    }

    [Fact]
    public void Bad_files_are_refused_naming_the_field()
    {
        var errors = TenderDocument.Add(Draft(), TenderDocument.MaxPerTender, "", null, "setup.exe", [], null, Guid.NewGuid(), Now).Errors!;

        errors.ByField.Keys.Order().ShouldBe(["content", "fileName", "kind", "title"]);
        TenderDocument.Add(Draft(), 0, "Big", TenderDocumentKind.Other, "big.pdf", new byte[TenderDocument.MaxBytes + 1], null, Guid.NewGuid(), Now)
            .Errors!.ByField.Keys.ShouldBe(["content"]);
    }
}
