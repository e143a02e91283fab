; Inno Setup 6 script for 年报助手 on Windows 10/11 x64.
; packaging\build.py runs it after PyInstaller, passing the version and the folder:
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\src\nianbao\dist\nianbao /OC:\src\nianbao\dist packaging\windows\nianbao.iss
; The result is dist\nianbao-VERSION-setup.exe, which needs no internet to install.

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
DefaultDirName={autopf}\Nianbao
DefaultGroupName=年报助手
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
OutputDir=..\..\dist
OutputBaseFilename=nianbao-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\nianbao.ico
UninstallDisplayIcon={app}\nianbao.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
; Inno Setup ships no Simplified Chinese wizard text. Put ChineseSimplified.isl (from the Inno Setup
; translations page) beside this script to get one; otherwise the wizard is in English.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\年报助手"; Filename: "{app}\nianbao.exe"
Name: "{group}\卸载年报助手"; Filename: "{uninstallexe}"
Name: "{autodesktop}\年报助手"; Filename: "{app}\nianbao.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .nianbao file opens it.
Root: HKA; Subkey: "Software\Classes\.nianbao"; ValueType: string; ValueName: ""; ValueData: "Nianbao.Report"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Nianbao.Report"; ValueType: string; ValueName: ""; ValueData: "年报助手报告"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Nianbao.Report\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\nianbao.exe,0"
Root: HKA; Subkey: "Software\Classes\Nianbao.Report\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\nianbao.exe"" ""%1"""

[Run]
Filename: "{app}\nianbao.exe"; Description: "启动年报助手"; Flags: nowait postinstall skipifsilent
