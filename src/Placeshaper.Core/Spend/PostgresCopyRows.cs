using System.Buffers.Binary;
using System.Text;

namespace Placeshaper.Spend;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, encoded into one buffer and written to the COPY stream a buffer at a time
/// (the "Binary Format" section of https://www.postgresql.org/docs/current/sql-copy.html): a header, then for each
/// row its number of fields and each field as a length (-1 for NULL) and its bytes, in network byte order; a trailer
/// of -1. Npgsql's binary importer does the same through a parameter and an asynchronous write per value, which cost
/// the import's writing thread nearly 2 s of a million-row COPY's CPU, on the two cores it shares with the server
/// (ADR 0027).
/// </summary>
internal sealed class PostgresCopyRows(Stream copy)
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    /// <summary>PostgreSQL counts dates in days from 1 January 2000.</summary>
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private readonly byte[] buffer = new byte[1 << 17];
    private int used;

    /// <summary>The format's header: its signature, no flags and no header extension.</summary>
    public void Header()
    {
        Room(Signature.Length + 8);
        Signature.CopyTo(buffer, used);
        used += Signature.Length;
        Int32(0);
        Int32(0);
    }

    /// <summary>
    /// Starts a row of <paramref name="fields"/> fields, first making room for all of them: fixed-size fields take at
    /// most 20 bytes each with their lengths (a uuid), and each text at most three bytes a character.
    /// </summary>
    public void Row(int fields, int textCharacters)
    {
        Room(2 + (fields * 20) + (textCharacters * 3));
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(used), checked((short)fields));
        used += 2;
    }

    public void Integer(int value)
    {
        Int32(sizeof(int));
        Int32(value);
    }

    public void Bigint(long value)
    {
        Int32(sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(used), value);
        used += sizeof(long);
    }

    public void Boolean(bool value)
    {
        Int32(1);
        buffer[used++] = value ? (byte)1 : (byte)0;
    }

    public void Date(DateOnly value)
    {
        Int32(sizeof(int));
        Int32(value.DayNumber - Epoch);
    }

    /// <summary>A uuid: its 16 bytes in the order RFC 9562 writes them.</summary>
    public void Uuid(Guid value)
    {
        Int32(16);
        value.TryWriteBytes(buffer.AsSpan(used, 16), bigEndian: true, out _);
        used += 16;
    }

    /// <summary>A text in UTF-8 (the connection's encoding), or NULL.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Int32(-1);
            return;
        }

        var written = Encoding.UTF8.GetBytes(value, buffer.AsSpan(used + sizeof(int)));
        Int32(written);
        used += written;
    }

    /// <summary>The trailer, and everything still in the buffer written to the stream.</summary>
    public void End()
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(used), -1);
        used += 2;
        Flush();
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(used), value);
        used += sizeof(int);
    }

    private void Room(int bytes)
    {
        if (used + bytes > buffer.Length)
        {
            Flush();
        }

        if (bytes > buffer.Length)
        {
            throw new InvalidOperationException($"A row of up to {bytes:N0} bytes does not fit the COPY buffer of {buffer.Length:N0}.");
        }
    }

    private void Flush()
    {
        copy.Write(buffer, 0, used);
        used = 0;
    }
}
