using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Imports;

namespace Placeshaper.Tests.Imports;

/// <summary>
/// The one pass an import makes over a file before parsing it: the checksum it keeps and whether the file is UTF-8.
/// Files are read a block at a time, so a character split between two blocks must be judged whole.
/// </summary>
public sealed class FileCheckTests
{
    // Whole characters of one to four bytes (a byte-order mark among them), and bytes UTF-8 never allows where they
    // fall: Windows-1252's £ alone, a lead byte with no continuation, a stray continuation, 0xFF, an encoded surrogate
    // and an overlong slash.
    private static readonly byte[][] Characters =
        ["a"u8.ToArray(), ","u8.ToArray(), "\n"u8.ToArray(), "£"u8.ToArray(), "€"u8.ToArray(), "😀"u8.ToArray(), "\uFEFF"u8.ToArray()];

    private static readonly byte[][] Invalid = [[0xA3], [0xE2, 0x82], [0x80], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF]];

    // Half the files are valid throughout, so that characters split between blocks are met often.
    private static readonly Gen<byte[]> Files = Gen.OneOf(Gen.Elements(Characters).ArrayOf(), Gen.Elements([.. Characters, .. Invalid]).ArrayOf())
        .Select(p => p.SelectMany(b => b).ToArray());

    [Fact]
    public void Any_bytes_are_UTF_8_exactly_when_a_strict_decoder_says_so_and_hash_as_SHA_256_whatever_the_block_size() =>
        Prop.ForAll(
            Files.ToArbitrary(),
            Gen.Choose(4, 20).ToArbitrary(),
            (bytes, block) =>
            {
                using var stream = new MemoryStream(bytes);
                var check = FileCheck.Read(stream, block: block);

                check.Utf8.ShouldBe(IsStrictUtf8(bytes), Convert.ToHexString(bytes));
                check.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
                check.ByteOrderMark.ShouldBe(check.Utf8 && bytes.AsSpan().StartsWith("\uFEFF"u8));
                stream.Position.ShouldBe(0, "the stream is rewound for the reader");
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_four_byte_character_split_across_blocks_is_UTF_8(int before)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', before) + "😀b");

        FileCheck.Read(new MemoryStream(bytes), block: 4).Utf8.ShouldBeTrue();
    }

    [Fact]
    public void A_file_that_stops_in_the_middle_of_a_character_is_not_UTF_8() =>
        FileCheck.Read(new MemoryStream([.. "Date,Amount\n01/04/2024,5"u8, 0xE2, 0x82])).Utf8.ShouldBeFalse();

    [Fact]
    public void A_Windows_1252_pound_sign_is_not_UTF_8_and_a_mark_before_it_is_not_reported() =>
        FileCheck.Read(new MemoryStream([.. "\uFEFF"u8, .. "Amount\n"u8, 0xA3, .. "5.00\n"u8])).ShouldBe(new FileCheck(
            Convert.ToHexStringLower(SHA256.HashData([.. "\uFEFF"u8, .. "Amount\n"u8, 0xA3, .. "5.00\n"u8])), Utf8: false, ByteOrderMark: false));

    [Fact]
    public void Without_hashing_only_the_encoding_is_found()
    {
        var check = FileCheck.Read(new MemoryStream([.. "\uFEFF"u8, .. "Amount\n£5.00\n"u8]), hash: false);

        check.ShouldBe(new FileCheck(null, Utf8: true, ByteOrderMark: true));
    }

    private static bool IsStrictUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
