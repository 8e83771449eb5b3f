using System.Text;

namespace Edge.Resolve.Policy;

/// <summary>WannaCry's kill-switch domains. Sinkholing one to NXDOMAIN arms the worm (it spreads
/// when the lookup fails), so the forwarder never blocks them. The same names as
/// <c>Edge.Detect.Detectors.KillSwitchDomains</c> (internal there; a test checks both agree).</summary>
public static class KillSwitchNames
{
    public static bool Contains(ReadOnlySpan<byte> name)
    {
        if (name.EndsWith("."u8))
            name = name[..^1];
        return Ascii.EqualsIgnoreCase(name, "iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea.com"u8)
            || Ascii.EqualsIgnoreCase(name, "ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com"u8)
            || Ascii.EqualsIgnoreCase(name, "iuqssfsodp9ifjaposdfjhgosurijfaewrwergwea.com"u8)
            || Ascii.EqualsIgnoreCase(name, "ayylmaotjhsstasdfasdfasdfasdfasdfasdfasdf.com"u8);
    }
}
