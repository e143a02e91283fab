; Inno Setup 6 script for 年报助手 on Windows 10 (1809 and later) and 11, x64.
; packaging\build.py runs it after PyInstaller, passing the version and the folder:
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\src\nianbao\dist\nianbao /OC:\src\nianbao\dist packaging\windows\nianbao.iss
; On Linux, packaging/windows/build_wine.py runs the same through Wine (docs/windows.md).
; The result is dist\nianbao-VERSION-setup.exe, which needs no internet to install.
;
; Who installs: a clerk without administrator rights installs for himself (the default), into
; %LOCALAPPDATA%\Programs\Nianbao, with the Start menu entry, desktop icon and .nianbao file type in
; his own profile and registry (HKCU). An administrator may choose "for all users" in the first page,
; or run setup.exe /ALLUSERS, which installs into Program Files and HKLM.
; Uninstalling removes every program file. The user's own data is kept: his reports wherever he saved
; them, settings in HKCU\Software\Nianbao, autosaved copies in %APPDATA%\Nianbao and logs in
; %LOCALAPPDATA%\Nianbao.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging\build.py does)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\nianbao"
#endif

[Setup]
AppId={{6C1F0A52-3B7E-4C8F-9D1A-2E5B7F4A9C30}
AppName=年报助手
AppVersion={#AppVersion}
AppVerName=年报助手 {#AppVersion}
AppPublisher=年报助手
VersionInfoVersion={#AppVersion}
VersionInfoDescription=年报助手安装程序
; Per-user by default, no administrator rights needed; the first page lets an administrator choose
; all users instead (/ALLUSERS or /CURRENTUSER on the command line do the same).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; {autopf} would be right too (it is %LOCALAPPDATA%\Programs for a per-user install), but Wine 8, which
; CI installs with, does not know that folder; the path is spelt out so both agree.
DefaultDirName={code:ProgramsFolder}\Nianbao
DefaultGroupName=年报助手
DisableProgramGroupPage=yes
DisableDirPage=auto
DisableReadyPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 (LTSC 2019), the oldest the bundle runs on: Qt's qwindows.dll needs 1703 or later
; (SetProcessDpiAwarenessContext), and Qt 6 is made for 1809 and later (docs/windows.md).
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=nianbao-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\nianbao.ico
UninstallDisplayIcon={app}\nianbao.exe
UninstallDisplayName=年报助手
; One solid LZMA2 stream with a 64 MB dictionary (max has 8 MB), which reaches across the large Qt DLLs
; and the fonts; the files go in sorted by extension ([Files]), so that alike files lie together.
; Compressing takes about 700 MB of memory, in its own process; unpacking takes 64 MB. (xz with these
; dictionaries on the Linux bundle: 51.8 MB and 51.0 MB; more fast bytes gained nothing.)
Compression=lzma2/ultra64
LZMAUseSeparateProcess=yes
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Simplified Chinese: ChineseSimplified.isl beside this script is the project's
; own translation of every message, laid over the English defaults.
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs sortfilesbyextension

[Icons]
Name: "{group}\年报助手"; Filename: "{app}\nianbao.exe"
Name: "{group}\卸载年报助手"; Filename: "{uninstallexe}"
Name: "{autodesktop}\年报助手"; Filename: "{app}\nianbao.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .nianbao file opens it. HKA is HKCU\Software\Classes for a per-user install.
Root: HKA; Subkey: "Software\Classes\.nianbao"; ValueType: string; ValueName: ""; ValueData: "Nianbao.Report"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\Nianbao.Report"; ValueType: string; ValueName: ""; ValueData: "年报助手报告"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Nianbao.Report\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\nianbao.exe,0"
Root: HKA; Subkey: "Software\Classes\Nianbao.Report\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\nianbao.exe"" ""%1"""

[UninstallDelete]
; Anything Python or Qt may have left inside the program's own folder.
Type: filesandordirs; Name: "{app}\_internal"

[Run]
Filename: "{app}\nianbao.exe"; Description: "启动年报助手"; Flags: nowait postinstall skipifsilent

[Code]
{ Program Files for all users; for one user the folder Windows itself gives per-user programs. }
function ProgramsFolder(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonpf}')
  else
    Result := ExpandConstant('{localappdata}\Programs');
end;
