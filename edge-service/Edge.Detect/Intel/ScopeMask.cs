namespace Edge.Detect.Intel;

/// <summary>The positions a list's scope covers, as bits: the listed name itself (<see cref="Name"/>)
/// and the names under it (<see cref="Below"/>). Two records for one name are both kept only when
/// the later one covers a position the earlier ones leave open.</summary>
internal static class ScopeMask
{
    public const byte Name = 1;

    public const byte Below = 2;

    public const byte Both = Name | Below;

    public static byte Of(IntelScope scope) => scope switch
    {
        IntelScope.Exact => Name,
        IntelScope.Subdomains => Below,
        _ => Both,
    };

    /// <summary>One mask per list index; a table without lists (the Public Suffix List's rule
    /// flags) covers both positions.</summary>
    public static byte[] For(IntelList[] lists)
    {
        var masks = new byte[lists.Length];
        for (var i = 0; i < lists.Length; i++)
            masks[i] = Of(lists[i].Scope);
        return masks;
    }

    public static byte At(byte[] masks, int list) => (uint)list < (uint)masks.Length ? masks[list] : Both;
}
