using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Bids;

/// <summary>
/// The key-encryption keys that seal bids, kept in a file outside the database so that whoever can read the database
/// (a backup, a reporting replica, a database administrator) cannot read bids. The first key seals new bids; older
/// keys stay to open what they sealed. Losing the file loses every sealed bid: back it up apart from the database.
/// </summary>
public sealed class SealingKeys
{
    public const string ConfigurationKey = "Placeshaper:SealingKeyFile";

    /// <summary>The same setting as an environment variable, which the web app and the command line both read.</summary>
    public const string EnvironmentVariable = "Placeshaper__SealingKeyFile";

    public const string DefaultFile = "data/sealing-keys";

    private readonly IReadOnlyDictionary<string, byte[]> keys;

    private SealingKeys(string currentId, IReadOnlyDictionary<string, byte[]> keys) => (CurrentId, this.keys) = (currentId, keys);

    public string CurrentId { get; }

    public byte[] Current => keys[CurrentId];

    public byte[]? Find(string id) => keys.TryGetValue(id, out var key) ? key : null;

    /// <summary>Keys from the file's lines, <c>id base64-key</c>, the newest first; the file is created with one key when missing.</summary>
    public static SealingKeys LoadOrCreate(string path, TimeProvider clock)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var id = "k" + clock.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var line = $"{id} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(line));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
        }

        return Parse(File.ReadAllLines(path), path);
    }

    public static SealingKeys Parse(IEnumerable<string> lines, string source)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[]? key = null;
            if (parts.Length == 2)
            {
                try
                {
                    key = Convert.FromBase64String(parts[1]);
                }
                catch (FormatException)
                {
                }
            }

            if (key is not { Length: 32 } || parts[0].Length > 40 || !keys.TryAdd(parts[0], key))
            {
                throw new InvalidOperationException($"{source}, line {number}: expected a unique key id and a base64 256-bit key, separated by a space.");
            }

            current ??= parts[0];
        }

        return current is null
            ? throw new InvalidOperationException($"{source} holds no sealing key.")
            : new SealingKeys(current, keys);
    }
}
