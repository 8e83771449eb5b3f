using System.Globalization;

namespace Edge.Watch.Dns;

/// <summary>RCODE mnemonics (IANA DNS parameters); known codes return literals.</summary>
public static class DnsRcodeNames
{
    public static string Get(ushort rcode) => rcode switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        6 => "YXDOMAIN",
        7 => "YXRRSET",
        8 => "NXRRSET",
        9 => "NOTAUTH",
        10 => "NOTZONE",
        11 => "DSOTYPENI",
        16 => "BADVERS", // also BADSIG inside TSIG (RFC 8945); in a message header it can only be BADVERS
        17 => "BADKEY",
        18 => "BADTIME",
        19 => "BADMODE",
        20 => "BADNAME",
        21 => "BADALG",
        22 => "BADTRUNC",
        23 => "BADCOOKIE",
        _ => "RCODE" + rcode.ToString(CultureInfo.InvariantCulture),
    };
}
