namespace Edge.Detect.Intel;

/// <summary>What a load took and what it refused. Entry counts are per accepted line entry,
/// before duplicates are dropped (see <see cref="Duplicates"/>).</summary>
public sealed class IntelLoadReport
{
    private readonly List<IntelLineIssue> _samples = [];
    private readonly List<IntelFileWarning> _warnings = [];
    private readonly Dictionary<string, long> _byCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<IntelLineError, long> _byReason = [];

    public int Files { get; internal set; }

    public long Lines { get; internal set; }

    public long Domains { get; internal set; }

    public long Cidrs { get; internal set; }

    public int Duplicates { get; internal set; }

    public long BadLines { get; internal set; }

    public long UnsupportedLines { get; internal set; }

    public IReadOnlyDictionary<string, long> ByCategory => _byCategory;

    public IReadOnlyDictionary<string, long> BySource => _bySource;

    /// <summary>Rejections per reason, bad and unsupported.</summary>
    public IReadOnlyDictionary<IntelLineError, long> ByReason => _byReason;

    /// <summary>The first <see cref="IntelLoadOptions.MaxSamples"/> rejected lines.</summary>
    public IReadOnlyList<IntelLineIssue> Samples => _samples;

    public IReadOnlyList<IntelFileWarning> Warnings => _warnings;

    /// <summary>True when every file could be read (bad lines do not count against it).</summary>
    public bool Complete => _warnings.Count == 0;

    public long Count(string category) => _byCategory.GetValueOrDefault(category);

    internal void Accepted(IntelList list, bool domain)
    {
        if (domain)
            Domains++;
        else
            Cidrs++;
        _byCategory[list.Category] = _byCategory.GetValueOrDefault(list.Category) + 1;
        _bySource[list.Source] = _bySource.GetValueOrDefault(list.Source) + 1;
    }

    internal void Rejected(IntelLineIssue issue, int maxSamples)
    {
        if (issue.IsUnsupported)
            UnsupportedLines++;
        else
            BadLines++;
        _byReason[issue.Reason] = _byReason.GetValueOrDefault(issue.Reason) + 1;
        if (_samples.Count < maxSamples)
            _samples.Add(issue);
    }

    internal void Warn(IntelFileWarning warning) => _warnings.Add(warning);
}
