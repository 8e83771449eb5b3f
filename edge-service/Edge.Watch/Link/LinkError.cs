namespace Edge.Watch.Link;

public enum LinkError : byte
{
    None,
    Truncated,
    UnsupportedLinkType,
    TooManyVlanTags,
}
