using Microsoft.Extensions.Diagnostics.HealthChecks;
using Placeshaper.Data;

namespace Placeshaper.Hosting;

public sealed class DatabaseHealthCheck(PlaceshaperDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database reachable")
            : HealthCheckResult.Unhealthy("Database unreachable");
}
