; Inno Setup script of the AI Studio installer for Windows (Inno Setup 6).
; installer/build.py runs it after building the bundle:
;   iscc /DAppVersion=0.1.0 /DBundleDir=dist\aistudio /DOutputDir=dist /DIconFile=installer\assets\aistudio.ico installer\windows\aistudio.iss
; It installs per user by default (no administrator rights needed; the setup offers all users),
; adds a Start-menu entry and an optional desktop icon, and registers an uninstaller that removes
; the program files. Projects and renders in the user's data folders are kept on uninstall.

#ifndef AppVersion
  #error Pass the version: /DAppVersion=X.Y.Z
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\aistudio"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\assets\aistudio.ico"
#endif

[Setup]
; A fixed AppId: upgrades replace the installed version instead of installing beside it.
AppId={{6F1C9B52-3A0E-4D8B-9C57-2B1E8A4D7F30}
AppName=AI Studio
AppVersion={#AppVersion}
AppVerName=AI Studio {#AppVersion}
AppPublisher=AI Studio
DefaultDirName={autopf}\AI Studio
DefaultGroupName=AI Studio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=aistudio-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\aistudio.exe
UninstallDisplayName=AI Studio {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\AI Studio"; Filename: "{app}\aistudio.exe"; WorkingDir: "{app}"; Comment: "Turn a story into an animated film"
Name: "{group}\Uninstall AI Studio"; Filename: "{uninstallexe}"
Name: "{autodesktop}\AI Studio"; Filename: "{app}\aistudio.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\aistudio.exe"; Description: "{cm:LaunchProgram,AI Studio}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python writes nothing beside the program, but remove the folder itself even if something did.
Type: dirifempty; Name: "{app}"
