using System.Text;

namespace Edge.Detect.Detectors;

/// <summary>WannaCry's kill-switch domains (the original and the variants seen in 2017): a lookup
/// means a host runs the worm, whatever list category the name came with. The DNS forwarder never
/// blocks them: the worm spreads when the lookup fails.</summary>
public static class KillSwitchDomains
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
