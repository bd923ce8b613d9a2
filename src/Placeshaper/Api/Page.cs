using Microsoft.EntityFrameworkCore;
using Placeshaper.Common;

namespace Placeshaper.Api;

/// <summary>One page of a list, with what a client needs to ask for the next.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems)
{
    public int TotalPages => TotalItems == 0 ? 0 : (TotalItems + PageSize - 1) / PageSize;
}

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters every list takes.</summary>
public readonly record struct Paging(int? Page, int? PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public Errors? Validate()
    {
        var errors = new Errors();
        if (Page is < 1)
        {
            errors.Add("page", "Page numbers start at 1");
        }

        if (PageSize is < 1 or > MaxSize)
        {
            errors.Add("pageSize", $"Page size must be between 1 and {MaxSize}");
        }

        return errors.Any ? errors : null;
    }

    public async Task<Paged<T>> ApplyAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        var page = Page ?? 1;
        var size = PageSize ?? DefaultSize;
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, page, size, total);
    }
}
