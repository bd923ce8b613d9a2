namespace Placeshaper.Migrations.Postgres;

/// <summary>Anchor for the embedded migration scripts of this provider.</summary>
public static class PostgresScripts
{
    public static System.Reflection.Assembly Assembly => typeof(PostgresScripts).Assembly;
}
