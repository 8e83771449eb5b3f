namespace Edge.Resolve.Policy;

/// <summary>How a name blocked by a plain list (IntelAction.Block) is answered.</summary>
public enum BlockAnswer
{
    NxDomain,
    NoData,

    /// <summary>A → <see cref="ResolverOptions.BlockPageV4"/>, AAAA → <see cref="ResolverOptions.BlockPageV6"/>; other types, or no address set, NODATA.</summary>
    BlockPage,
}
