@echo off
rem Builds the frozen application on Windows into dist\ita-desktop\ (then run Inno Setup on ita_desktop.iss).
cd /d %~dp0\..
py -3 -m venv .venv
.venv\Scripts\python -m pip install -e ".[build]"
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build installer\ita_desktop.spec
set QT_QPA_PLATFORM=offscreen
dist\ita-desktop\ita-desktop.exe --smoke-test
