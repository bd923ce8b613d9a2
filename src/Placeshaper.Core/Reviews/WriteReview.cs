using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Email;
using Placeshaper.Organisations;

namespace Placeshaper.Reviews;

/// <summary>
/// Residents write and confirm reviews without an account. What the page says afterwards never depends on the address
/// given ("check your email"), so nobody can use the form to learn whether someone reviewed a provider: a second
/// review within six months is answered by email instead.
/// </summary>
public sealed class WriteReview(PlaceshaperDb db)
{
    /// <summary>More reviews of one provider than this in a day are held: a flood, friendly or hostile.</summary>
    public const int FloodPerProviderPerDay = 10;

    /// <summary>More reviews from one network address than this in a day are held.</summary>
    public const int FloodPerSenderPerDay = 3;

    public sealed record Outcome(Review? Review, bool AlreadyReviewed);

    /// <param name="confirmLink">Makes the link in the email from the secret token.</param>
    /// <param name="signedInProviderId">The provider a signed-in portal user acts for, who may not review.</param>
    public async Task<Result<Outcome>> SubmitAsync(
        Guid organisationId, Review.Input input, string senderAddress, Func<string, string> confirmLink, Guid? signedInProviderId, CancellationToken cancellationToken)
    {
        var errors = Review.Check(input);
        if (input.ProviderId is { } providerId)
        {
            var services = await ReviewQueries.ServicesAsync(db, organisationId, providerId, cancellationToken);
            if (services.Count == 0)
            {
                errors.Add("providerId", "Choose a provider from the list");
            }
            else if (input.ContractId is { } contractId && services.All(s => s.ContractId != contractId))
            {
                errors.Add("contractId", "Choose a service this provider delivers, or \"another service\"");
            }

            if (signedInProviderId is not null || (input.Email is { } email && await IsProviderUserAsync(organisationId, email.Trim(), cancellationToken)))
            {
                errors.Add("email", "People who work for a provider cannot review providers: the house rules ask for residents' and service users' own experience");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var organisation = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var provider = await db.Providers.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == input.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var emailHash = Review.HashEmail(input.Email!);
        var since = now.AddMonths(-Review.MonthsBetweenReviews);
        var earlier = await db.Reviews.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.ProviderId == input.ProviderId && r.ContractId == input.ContractId
                && r.EmailHash == emailHash && r.SubmittedAt > since && r.Status != ReviewStatus.Rejected)
            .OrderByDescending(r => r.SubmittedAt).Select(r => (DateTime?)r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        if (earlier is { } when)
        {
            db.OutboundEmails.Add(OutboundEmail.Write(organisationId, input.Email!, $"Your review of {provider}",
                $"""
                You have already reviewed this service from {provider} on {when.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.

                {organisation} publishes one review per person per service every {Review.MonthsBetweenReviews} months, so that every voice counts once. You can review it again from {when.AddMonths(Review.MonthsBetweenReviews).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.

                If you did not write a review, you can ignore this email.
                """, now));
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(null, AlreadyReviewed: true);
        }

        var (review, token) = Review.Submit(organisationId, input, senderAddress, now);
        db.Reviews.Add(review);
        db.OutboundEmails.Add(OutboundEmail.Write(organisationId, input.Email!, $"Confirm your review of {provider}",
            $"""
            Thank you for reviewing {provider}.

            To publish your review on {organisation}'s service directory, confirm it is yours by opening this link within {Review.ConfirmationLifetime.Days} days:

            {confirmLink(token)}

            We do not keep your email address once you have confirmed: only a scrambled form of it, so that each person reviews a service once every {Review.MonthsBetweenReviews} months.

            If you did not write a review, ignore this email and nothing will be published.
            """, now));
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(review, AlreadyReviewed: false);
    }

    /// <summary>Publishes the review the token belongs to, or holds it for a moderator; null when no review has that token.</summary>
    public async Task<Result<Review>?> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Review.Hash(token.Trim());
        var review = await db.Reviews.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.ConfirmationTokenHash == hash, cancellationToken);
        if (review is null)
        {
            return null;
        }

        if (review.Status != ReviewStatus.AwaitingConfirmation)
        {
            return review;
        }

        var reasons = HouseRules.Concerns(review.Comment, review.DisplayName).ToList();
        var dayBefore = review.SubmittedAt.AddDays(-1);
        var others = db.Reviews.IgnoreQueryFilters().Where(r => r.Id != review.Id && r.SubmittedAt > dayBefore && r.SubmittedAt <= review.SubmittedAt);
        if (await others.CountAsync(r => r.OrganisationId == review.OrganisationId && r.ProviderId == review.ProviderId, cancellationToken) >= FloodPerProviderPerDay)
        {
            reasons.Add($"more than {FloodPerProviderPerDay} reviews of this provider in a day");
        }

        if (await others.CountAsync(r => r.SenderHash == review.SenderHash, cancellationToken) >= FloodPerSenderPerDay)
        {
            reasons.Add($"more than {FloodPerSenderPerDay} reviews from one network address in a day");
        }

        var confirmed = review.Confirm(reasons, db.Clock.GetUtcNow().UtcDateTime);
        if (!confirmed.Succeeded)
        {
            return confirmed;
        }

        db.RecordDecision(new AuditDecision(review.OrganisationId, review.Status == ReviewStatus.Published ? "review-published" : "review-held",
            nameof(Review), review.Id.ToString(), After: JsonSerializer.Serialize(new { review.ProviderId, review.Status, review.HeldBecause })));
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }

    private Task<bool> IsProviderUserAsync(Guid organisationId, string email, CancellationToken cancellationToken)
    {
        var normalised = email.ToUpperInvariant();
        return db.Memberships.IgnoreQueryFilters()
            .Where(m => m.OrganisationId == organisationId && m.Role == Role.Provider)
            .Join(db.Users, m => m.PersonId, p => p.Id, (m, p) => p.NormalizedEmail)
            .AnyAsync(e => e == normalised, cancellationToken);
    }
}
