namespace Edge.Detect.Intel;

/// <summary>What the DNS forwarder answers for a name on a list. Plain feeds say <see cref="Block"/>
/// (the forwarder's configured block answer); RPZ records say which action they mean.</summary>
public enum IntelAction : byte
{
    /// <summary>The forwarder's configured answer for blocked names (NXDOMAIN, NODATA or the block page).</summary>
    Block,

    /// <summary>RPZ <c>CNAME .</c>.</summary>
    NxDomain,

    /// <summary>RPZ <c>CNAME *.</c>.</summary>
    NoData,

    /// <summary>RPZ <c>CNAME rpz-passthru.</c>: answered as if unlisted (an exception inside the zone).</summary>
    PassThru,

    /// <summary>RPZ <c>CNAME rpz-drop.</c>: no answer at all.</summary>
    Drop,

    /// <summary>RPZ A/AAAA local data: answered with <see cref="IntelList.LocalData"/>.</summary>
    LocalData,
}
