namespace Edge.Cli.Synth.Dns;

internal enum DnsSection
{
    Question,
    Answer,
    Authority,
    Additional,
}
