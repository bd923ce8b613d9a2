using System.Globalization;

namespace Placeshaper.Cli;

/// <summary>
/// A one-line progress bar on standard error for long verbs: "devon.csv [########------] 52% 8.4/16.3 MB 3.1 s".
/// Redrawn in place (carriage return) at most ten times a second as bytes are read. It draws nothing when standard
/// error is redirected (a log file, a pipe, a test) or when the <c>CI</c> environment variable is set, so output
/// that is kept stays clean.
/// </summary>
public sealed class ProgressBar : IProgress<(long Done, long Length)>, IDisposable
{
    private const int Width = 30;
    private readonly TextWriter writer;
    private readonly string label;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan lastDrawn = TimeSpan.MinValue;
    private int lastLength;

    public ProgressBar(string label, TextWriter? writer = null, bool? enabled = null)
    {
        this.label = label;
        this.writer = writer ?? Console.Error;
        Enabled = enabled ?? (!Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")));
    }

    public bool Enabled { get; }

    public void Report((long Done, long Length) value)
    {
        if (!Enabled || (clock.Elapsed - lastDrawn < TimeSpan.FromMilliseconds(100) && value.Done < value.Length))
        {
            return;
        }

        lastDrawn = clock.Elapsed;
        var line = Line(label, value.Done, value.Length, clock.Elapsed);
        writer.Write("\r" + line.PadRight(lastLength));
        lastLength = line.Length;
    }

    /// <summary>The text of the bar, for a given point: pure, so that it can be tested.</summary>
    public static string Line(string label, long done, long length, TimeSpan elapsed)
    {
        var fraction = length <= 0 ? 1 : Math.Clamp((double)done / length, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}% {done / 1e6:0.0}/{length / 1e6:0.0} MB {elapsed.TotalSeconds:0.0} s");
    }

    public void Dispose()
    {
        if (Enabled && lastLength > 0)
        {
            writer.Write("\r" + new string(' ', lastLength) + "\r");
        }
    }
}
