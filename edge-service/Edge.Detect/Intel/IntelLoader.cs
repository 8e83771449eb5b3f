using System.Text;

namespace Edge.Detect.Intel;

/// <summary>Loads list files (or folders of them) into one snapshot, streaming each file through
/// the line parser into the builder. A bad line never stops a load; an unreadable file is a
/// warning in the report. This is what <c>edge-service intel check FILE…</c> runs.</summary>
public static class IntelLoader
{
    public static IntelLoadResult Load(IEnumerable<string> paths, IntelLoadOptions? options = null) =>
        Load(Expand(paths, options ?? new IntelLoadOptions()), options);

    public static IntelLoadResult Load(IReadOnlyList<IntelSource> sources, IntelLoadOptions? options = null)
    {
        var report = new IntelLoadReport();
        var builder = new IntelSnapshotBuilder();
        Feed(builder, sources, options ?? new IntelLoadOptions(), report);
        var snapshot = builder.Build();
        report.Duplicates = snapshot.Duplicates;
        return new IntelLoadResult(snapshot, report);
    }

    /// <summary>Files as given; folders expanded to their list files, sorted by name.</summary>
    public static IReadOnlyList<IntelSource> Expand(IEnumerable<string> paths, IntelLoadOptions options)
    {
        var sources = new List<IntelSource>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                sources.Add(new IntelSource(path));
                continue;
            }
            var files = options.FolderPatterns
                .SelectMany(pattern => Directory.EnumerateFiles(path, pattern))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            sources.AddRange(files.Select(file => new IntelSource(file)));
        }
        return sources;
    }

    /// <summary>Streams every source into <paramref name="builder"/>; <paramref name="report"/>
    /// null skips the bookkeeping (the extra passes of a sharded reload).</summary>
    internal static void Feed(IntelSnapshotBuilder builder, IReadOnlyList<IntelSource> sources, IntelLoadOptions options,
        IntelLoadReport? report)
    {
        var lists = new Dictionary<IntelListKey, IntelList>();
        var sink = new IntelFileSink(builder, report, lists);
        foreach (var source in sources)
        {
            var category = source.Category ?? IntelCategories.FromFileName(source.Path) ?? options.DefaultCategory;
            sink.StartFile(source.SourceName, category);
            try
            {
                using var stream = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                FeedFile(stream, source.Path, sink, options, report);
                sink.FinishFile(source.Path, options.MaxSamples);
                if (report is not null)
                    report.Files++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                report?.Warn(new IntelFileWarning(source.Path, e.Message));
            }
        }
    }

    private static void FeedFile(Stream stream, string path, IntelFileSink sink, IntelLoadOptions options, IntelLoadReport? report)
    {
        var reader = new LineReader(stream);
        var state = default(IntelParserState);
        while (reader.TryReadLine(out var line))
        {
            sink.StartLine();
            if (reader.Overlong)
                sink.Rejected(IntelLineError.LineTooLong);
            else
                IntelLineParser.Parse(line, ref state, sink);
            if (report is null)
                continue;
            report.Lines++;
            if (sink.Rejection != IntelLineError.None)
            {
                var text = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 200)]);
                report.Rejected(new IntelLineIssue(path, reader.LineNumber, sink.Rejection, text), options.MaxSamples);
            }
        }
    }
}
