namespace Edge.Service.Blocking;

/// <summary>Runs nft with a script on its standard input (<c>nft -f -</c>, one transaction) or
/// with arguments. Behind an interface so tests read the script instead of running it.</summary>
public interface INftRunner
{
    /// <summary>Streams the script written by <paramref name="script"/> to <c>nft -f -</c>.</summary>
    NftResult RunScript(Action<TextWriter> script);

    /// <summary><c>nft ARGS…</c>, e.g. <c>-j list counter inet edge dropped</c>.</summary>
    NftResult Run(params string[] arguments);
}

/// <summary>How nft ended: exit code 0 or not, its output, and its error text (or why it could not start).</summary>
public readonly record struct NftResult(bool Ok, string Output, string Error);
