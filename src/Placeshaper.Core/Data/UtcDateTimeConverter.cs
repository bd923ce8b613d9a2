using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Placeshaper.Data;

/// <summary>
/// Every stored time is UTC; SQLite forgets the kind on the way back, so it is restored here. A time of unspecified
/// kind is taken to be UTC already, never converted from the server's zone, so results do not depend on where it runs.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
