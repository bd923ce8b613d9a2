using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

public enum QuestionKind
{
    Quality = 1,
    SocialValue = 2,
}

/// <summary>A question bidders answer, weighted within its part and scored 0–5 against written descriptors.</summary>
public sealed class TenderQuestion : IOrganisationOwned
{
    private TenderQuestion()
    {
    }

    internal TenderQuestion(Tender tender, Guid id, QuestionKind kind, string text, decimal weight, string descriptors, int order)
    {
        Id = id;
        TenderId = tender.Id;
        OrganisationId = tender.OrganisationId;
        Change(kind, text, weight, descriptors, order);
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public QuestionKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Weight within its part (quality or social value), out of 100.</summary>
    public decimal Weight { get; private set; }

    /// <summary>What earns each score from 0 to 5, one per line.</summary>
    public string Descriptors { get; private set; } = "";

    public int Order { get; private set; }

    public IReadOnlyList<string> DescriptorList => Descriptors.Split('\n');

    internal void Change(QuestionKind kind, string text, decimal weight, string descriptors, int order)
    {
        Kind = kind;
        Text = text;
        Weight = weight;
        Descriptors = descriptors;
        Order = order;
    }
}

/// <summary>A part of the contract bid for separately, sized so small and voluntary providers can compete.</summary>
public sealed class TenderLot : IOrganisationOwned
{
    private TenderLot()
    {
    }

    internal TenderLot(Tender tender, Guid id, int number, string title, decimal estimatedValue)
    {
        Id = id;
        TenderId = tender.Id;
        OrganisationId = tender.OrganisationId;
        Number = number;
        Title = title;
        EstimatedValue = estimatedValue;
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public decimal EstimatedValue { get; private set; }
}
