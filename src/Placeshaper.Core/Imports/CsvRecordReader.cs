using System.Runtime.CompilerServices;

namespace Placeshaper.Imports;

/// <summary>
/// Reads CSV records from text a block at a time, for files of millions of lines (the spend import). It follows what
/// CsvHelper's parser did with the settings the import used, so that files read the same as before:
/// <list type="bullet">
/// <item>Fields are split on commas; a field that starts with a quote runs to the closing quote, doubled quotes
/// inside are one, and line breaks inside are kept. Anything after the closing quote up to the next comma is kept
/// too (<c>"x"yz</c> reads <c>xyz</c>); a quote inside an unquoted field is an ordinary character; nothing is
/// trimmed.</item>
/// <item>Records end at \r\n, \n or \r. Empty lines are skipped but counted; <see cref="Line"/> is the line a record
/// ends on. A quote never closed runs to the end of the file.</item>
/// </list>
/// Unlike a general CSV library it makes no string for a field it has made before in the same column while that
/// column keeps repeating itself (suppliers, service areas, expense types): spend files repeat a few thousand values
/// a million times, and one shared string each keeps the reading thread's allocations, and the collector's work, small.
/// Nor, once told which columns are read (<see cref="ReadOnly"/>), does it make one for a column no one reads.
/// </summary>
public sealed class CsvRecordReader(TextReader text)
{
    /// <summary>A column's values are shared while at least half of those read so far were seen before; judged after this many.</summary>
    private const int JudgedAfter = 2000;

    /// <summary>Shared values are at most this long, and at most this many are kept: memory stays bounded whatever the file.</summary>
    private const int MostSharedLength = 100;

    private const int MostShared = 200_000;

    private readonly char[] buffer = new char[1 << 16];
    private readonly List<string> cells = [];
    private readonly HashSet<string> shared = new(StringComparer.Ordinal);
    private readonly List<(int Seen, int Hits, bool Off, string Last)> columns = [];
    private bool[]? read;
    private char[] field = new char[256];
    private int fieldLength;
    private int position;
    private int length;
    private bool ended;
    private int line = 1;

    /// <summary>The line the last record read ends on (1 for the first line of the text).</summary>
    public int Line { get; private set; }

    /// <summary>The last record read.</summary>
    public string[] Record { get; private set; } = [];

    /// <summary>
    /// What a column that is not read holds in place of its text when it has any (<see cref="ReadOnly"/>): it is not
    /// blank, and it does not say "total".
    /// </summary>
    public const string Unread = "(not read)";

    /// <summary>
    /// From the next record on, makes text only for the columns given: any other is "" when blank, <see cref="Unread"/>
    /// when not, or its text when it says "total" (a footer's total may be labelled in any column, and is skipped by it).
    /// </summary>
    public void ReadOnly(IEnumerable<int> wanted)
    {
        var indexes = wanted.Where(i => i >= 0).ToList();
        read = new bool[indexes.Count == 0 ? 0 : indexes.Max() + 1];
        foreach (var index in indexes)
        {
            read[index] = true;
        }
    }

    /// <summary>Reads the next record that is not an empty line; false at the end of the text.</summary>
    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (true)
        {
            cells.Clear();
            var consumed = false;
            while (true)
            {
                if (!Fill() && !consumed)
                {
                    return false;
                }

                consumed = true;
                var end = ReadField(out var quoted);
                if (end == End.LineBreak && cells.Count == 0 && fieldLength == 0 && !quoted)
                {
                    // An empty line: skipped, and counted.
                    Line = line - 1;
                    break;
                }

                cells.Add(Text(cells.Count));
                if (end != End.Comma)
                {
                    Line = end == End.LineBreak ? line - 1 : line;
                    Record = [.. cells];
                    return true;
                }
            }
        }
    }

    private enum End
    {
        Comma,
        LineBreak,
        EndOfText,
    }

    /// <summary>Reads one field into <see cref="field"/> and says what ended it; consumes the comma or line break.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private End ReadField(out bool quoted)
    {
        fieldLength = 0;
        quoted = Fill() && buffer[position] == '"';
        if (quoted)
        {
            position++;
            ReadQuoted();
        }

        while (Fill())
        {
            var rest = buffer.AsSpan(position, length - position);
            var at = rest.IndexOfAny(',', '\r', '\n');
            if (at < 0)
            {
                Append(rest);
                position = length;
                continue;
            }

            Append(rest[..at]);
            var ending = rest[at];
            position += at + 1;
            if (ending == ',')
            {
                return End.Comma;
            }

            if (ending == '\r' && Fill() && buffer[position] == '\n')
            {
                position++;
            }

            line++;
            return End.LineBreak;
        }

        return End.EndOfText;
    }

    /// <summary>A quoted field's content, up to and past its closing quote (or the end of the text if it has none).</summary>
    private void ReadQuoted()
    {
        var afterReturn = false;
        while (Fill())
        {
            var rest = buffer.AsSpan(position, length - position);
            var at = rest.IndexOf('"');
            var content = at < 0 ? rest : rest[..at];
            foreach (var c in content)
            {
                // Line breaks inside a quoted field are kept and counted, \r\n as one.
                if ((c == '\n' && !afterReturn) || c == '\r')
                {
                    line++;
                }

                afterReturn = c == '\r';
            }

            Append(content);
            position += content.Length;
            if (at < 0)
            {
                continue;
            }

            position++;
            if (Fill() && buffer[position] == '"')
            {
                Append("\"");
                position++;
                afterReturn = false;
                continue;
            }

            return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<char> chars)
    {
        if (fieldLength + chars.Length > field.Length)
        {
            Array.Resize(ref field, Math.Max(field.Length * 2, fieldLength + chars.Length));
        }

        chars.CopyTo(field.AsSpan(fieldLength));
        fieldLength += chars.Length;
    }

    /// <summary>The field as a string: the one made before for the same text while its column repeats itself, else a new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Text(int column)
    {
        var value = field.AsSpan(0, fieldLength);
        if (value.IsEmpty)
        {
            return "";
        }

        if (read is not null && (column >= read.Length || !read[column]))
        {
            return value.IsWhiteSpace() ? "" : value.Contains("total", StringComparison.OrdinalIgnoreCase) ? value.ToString() : Unread;
        }

        while (columns.Count <= column)
        {
            columns.Add((0, 0, false, ""));
        }

        var (seen, hits, off, last) = columns[column];
        if (off || value.Length > MostSharedLength)
        {
            return value.ToString();
        }

        // Files are often in order of one column or another (the date, the service area, the body), so the value
        // the line before gave is tried first: it is at hand, where the shared set's is a look-up away.
        var hit = value.SequenceEqual(last);
        var text = last;
        if (!hit)
        {
            hit = shared.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out text);
            if (!hit)
            {
                text = value.ToString();
                if (shared.Count < MostShared)
                {
                    shared.Add(text);
                }
            }
        }

        seen++;
        hits += hit ? 1 : 0;
        columns[column] = (seen, hits, seen >= JudgedAfter && hits * 2 < seen, text!);
        return text!;
    }

    /// <summary>Whether there is at least one character to read, refilling the buffer when it is used up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill()
    {
        if (position < length)
        {
            return true;
        }

        if (ended)
        {
            return false;
        }

        length = text.Read(buffer, 0, buffer.Length);
        position = 0;
        ended = length == 0;
        return !ended;
    }
}
