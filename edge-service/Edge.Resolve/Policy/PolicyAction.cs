namespace Edge.Resolve.Policy;

/// <summary>What policy makes of a query.</summary>
public enum PolicyAction : byte
{
    /// <summary>Not blocked: cache or upstream.</summary>
    Pass,
    NxDomain,
    NoData,

    /// <summary>The configured block page's address (NODATA for other types).</summary>
    BlockPage,

    /// <summary>The matching RPZ list's addresses (NODATA for other types).</summary>
    LocalData,

    /// <summary>No answer (RPZ rpz-drop.).</summary>
    Drop,
}
