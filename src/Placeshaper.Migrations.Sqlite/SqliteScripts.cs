namespace Placeshaper.Migrations.Sqlite;

/// <summary>Anchor for the embedded migration scripts of this provider.</summary>
public static class SqliteScripts
{
    public static System.Reflection.Assembly Assembly => typeof(SqliteScripts).Assembly;
}
