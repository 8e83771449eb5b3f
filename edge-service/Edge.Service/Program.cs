using System.CommandLine;
using Edge.Service.Commands;

var root = new RootCommand("Edge: the agency LAN edge sensor")
{
    RunCommand.Create(),
    ReplayCommand.Create(),
    IntelCommand.Create(),
    SelfTestCommand.Create(),
    FirmwareCommand.Create(),
};
return root.Parse(args).Invoke();
