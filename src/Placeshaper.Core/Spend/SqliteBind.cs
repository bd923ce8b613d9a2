using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Placeshaper.Spend;

/// <summary>
/// Binds values to a prepared SQLite statement through SQLite's C API, for the spend import's bulk insert alone. Texts
/// are written as UTF-8 into one pinned buffer and bound with SQLITE_STATIC, so SQLite reads them in place: no copy
/// to UTF-16 and back, no allocation per value, no safe-handle bookkeeping per call. The buffer is filled afresh for
/// each statement run, sized first for the longest the run's texts can be.
/// </summary>
internal sealed partial class SqliteBind
{
    private byte[] buffer = [];
    private nint start;
    private int used;
    private nint statement;

    /// <summary>The statement being bound; kept here so that its handle outlives the run.</summary>
    private sqlite3_stmt? bound;

    /// <summary>
    /// Begins binding <paramref name="prepared"/>, whose texts total at most <paramref name="characters"/> UTF-16
    /// characters, dates counted as ten; returns the first parameter's index.
    /// </summary>
    public int Start(sqlite3_stmt prepared, int characters)
    {
        // UTF-8 takes at most three bytes for each UTF-16 character (a surrogate pair, two characters, takes four).
        var most = characters * 3;
        if (most > buffer.Length)
        {
            buffer = GC.AllocateUninitializedArray<byte>(Math.Max(most, Math.Max(buffer.Length * 2, 1 << 16)), pinned: true);
            start = Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0);
        }

        used = 0;
        bound = prepared;
        statement = prepared.DangerousGetHandle();
        return 1;
    }

    public int Integer(int index, long value) => Native.BindInt64(statement, index, value);

    public int Text(int index, string? value)
    {
        if (value is null)
        {
            return Native.BindNull(statement, index);
        }

        var length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(used));
        return Bound(index, length);
    }

    /// <summary>
    /// A date as yyyy-MM-dd, how EF Core stores a DateOnly in SQLite, its digits written straight in: formatting
    /// through a culture's pattern cost more than binding the rest of the payment (years 1 to 9999, as DateOnly's).
    /// </summary>
    public int Date(int index, DateOnly value)
    {
        var text = buffer.AsSpan(used, 10);
        Digits(text[..4], value.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), value.Day);
        return Bound(index, 10);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private int Bound(int index, int length)
    {
        var code = Native.BindText(statement, index, start + used, length, Static);
        used += length;
        return code;
    }

    /// <summary>Runs the statement once and resets it for the next run; SQLITE_OK when it ran to the end.</summary>
    public int Run()
    {
        var code = Native.Step(statement);
        // Reset gives back the step's error again, if any: the step's code is the one returned.
        _ = Native.Reset(statement);
        GC.KeepAlive(bound);
        return code == raw.SQLITE_DONE ? raw.SQLITE_OK : code;
    }

    /// <summary>SQLITE_STATIC: SQLite reads the text where it is, which stays put (pinned) until the run.</summary>
    private const nint Static = 0;

    /// <summary>
    /// The library SQLitePCL's bundle loads. Binding is quick and never calls back, so it skips the runtime's GC
    /// transition; stepping can take long and does not.
    /// </summary>
    private static partial class Native
    {
        private const string Library = "e_sqlite3";

        [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
        [SuppressGCTransition]
        internal static partial int BindInt64(nint statement, int index, long value);

        [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
        [SuppressGCTransition]
        internal static partial int BindText(nint statement, int index, nint text, int length, nint destructor);

        [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
        [SuppressGCTransition]
        internal static partial int BindNull(nint statement, int index);

        [LibraryImport(Library, EntryPoint = "sqlite3_step")]
        internal static partial int Step(nint statement);

        [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
        internal static partial int Reset(nint statement);
    }
}
