namespace Placeshaper.Tests.Infrastructure;

/// <summary>What the machine offers the tests, and whether a missing part may be skipped or must fail.</summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "PLACESHAPER_TEST_POSTGRES";
    public const string RequireAllVariable = "PLACESHAPER_TEST_REQUIRE_ALL";

    /// <summary>A connection string to a PostgreSQL server where the tests may create and drop databases.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>CI sets this so that nothing is silently skipped.</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) is "1" or "true";

    /// <summary>Skips the test with a clear reason, or fails it when everything is required.</summary>
    public static void SkipUnless(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (RequireAll)
        {
            Assert.Fail($"{reason} ({RequireAllVariable} is set, so this is a failure, not a skip)");
        }

        Assert.Skip(reason);
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Placeshaper.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }
}
