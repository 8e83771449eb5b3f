namespace Edge.Detect.Intel;

/// <summary>Which names a listed name covers. Feeds list a domain for itself and everything under
/// it; RPZ separates the name itself (<c>evil.example</c>) from its subdomains (<c>*.evil.example</c>).</summary>
public enum IntelScope : byte
{
    /// <summary>The name and every name under it.</summary>
    Suffix,

    /// <summary>Only the name itself (an RPZ owner without <c>*.</c>).</summary>
    Exact,

    /// <summary>Only names under it, not the name itself (an RPZ <c>*.</c> owner).</summary>
    Subdomains,
}
