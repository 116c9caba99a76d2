#!/bin/sh
# Put Teamlead in this user's application menu: the launcher, its icon, and `teamlead` on the PATH through
# ~/.local/bin. No administrator rights needed. Run it from the unpacked folder (move the folder first if
# you want it elsewhere). `./install.sh --uninstall` removes these again; your data folder stays as it is.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = --uninstall ]; then
  rm -f "$share/applications/teamlead.desktop" "$share/icons/hicolor/256x256/apps/teamlead.png"
  if [ -L "$bin/teamlead" ]; then rm -f "$bin/teamlead"; fi
  echo "Teamlead is out of the menu. Your data stays in $share/Teamlead."
  exit 0
fi
mkdir -p "$share/applications" "$share/icons/hicolor/256x256/apps" "$bin"
cp "$here/share/icons/hicolor/256x256/apps/teamlead.png" "$share/icons/hicolor/256x256/apps/teamlead.png"
sed "s|^Exec=teamlead\$|Exec=\"$here/teamlead\"|" "$here/share/applications/teamlead.desktop" \
  > "$share/applications/teamlead.desktop"
ln -sf "$here/teamlead" "$bin/teamlead"
echo "Teamlead is in the menu; 'teamlead' runs from a terminal when ~/.local/bin is on your PATH."
