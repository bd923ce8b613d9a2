using Placeshaper.Spend;

namespace Placeshaper.Tests.Spend;

/// <summary>
/// The spend import writes PostgreSQL's binary COPY format itself. Checked here byte by byte against the format as
/// PostgreSQL documents it; the PostgreSQL import tests check that a server takes it.
/// </summary>
public sealed class PostgresCopyRowsTests
{
    [Fact]
    public void Rows_are_encoded_as_PostgreSQL_documents_the_binary_COPY_format()
    {
        using var stream = new MemoryStream();
        var rows = new PostgresCopyRows(stream);

        rows.Header();
        rows.Row(6, 4);
        rows.Integer(258);
        rows.Bigint(-2);
        rows.Boolean(true);
        rows.Date(new DateOnly(2000, 1, 2));
        rows.Text("£1");
        rows.Text(null);
        rows.End();

        stream.ToArray().ShouldBe([
            // Signature, flags, header extension length.
            (byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            // Six fields, each a length and its bytes, big-endian.
            0, 6,
            0, 0, 0, 4, 0, 0, 1, 2,
            0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
            0, 0, 0, 1, 1,
            0, 0, 0, 4, 0, 0, 0, 1,
            0, 0, 0, 3, 0xC2, 0xA3, (byte)'1',
            0xFF, 0xFF, 0xFF, 0xFF,
            // Trailer.
            0xFF, 0xFF,
        ]);
    }

    [Fact]
    public void A_uuid_is_its_sixteen_bytes_in_the_order_it_is_written()
    {
        using var stream = new MemoryStream();
        var rows = new PostgresCopyRows(stream);

        rows.Uuid(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"));
        rows.End();

        stream.ToArray().ShouldBe([0, 0, 0, 16, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0xFF, 0xFF]);
    }

    [Fact]
    public void Rows_larger_together_than_the_buffer_reach_the_stream_whole_and_in_order()
    {
        using var stream = new MemoryStream();
        var rows = new PostgresCopyRows(stream);
        var text = new string('x', 500);

        for (var i = 0; i < 1000; i++)
        {
            rows.Row(2, text.Length);
            rows.Integer(i);
            rows.Text(text);
        }

        rows.End();

        var bytes = stream.ToArray();
        bytes.Length.ShouldBe((1000 * (2 + 8 + 4 + 500)) + 2);
        var last = bytes.AsSpan(bytes.Length - 2 - 514);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(last[6..]).ShouldBe(999);
    }
}
