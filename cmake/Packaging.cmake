# Three .deb packages, each with what it runs and its systemd units (images/systemd/):
#   dc-kiosk      the kiosk, its unit (watchdog, restart), first-boot provisioning from USB
#   dc-server     the reference central server and its unit
#   dc-provision  the provisioning tool alone (also for a technician's laptop)
# "cpack -G DEB" in the build folder writes them; tests/packaging/check_packages.sh checks them.
set(DC_UNITS ${PROJECT_SOURCE_DIR}/images/systemd)
set(DC_UNIT_DIR lib/systemd/system)

install(TARGETS dc-kiosk RUNTIME DESTINATION bin COMPONENT kiosk)
install(FILES ${DC_UNITS}/dc-kiosk.service ${DC_UNITS}/dc-kiosk-key.service ${DC_UNITS}/dc-provision-usb.service
        DESTINATION ${DC_UNIT_DIR} COMPONENT kiosk)
install(PROGRAMS ${DC_UNITS}/seal-device-key DESTINATION lib/dc-kiosk COMPONENT kiosk)
install(FILES ${DC_UNITS}/dc-kiosk.sysusers DESTINATION lib/sysusers.d RENAME dc-kiosk.conf COMPONENT kiosk)
install(PROGRAMS ${DC_UNITS}/provision-from-usb DESTINATION lib/dc-provision COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/firmware-config/SCHEMA.md
        DESTINATION share/doc/dc-kiosk COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/firmware-config/sites/ DESTINATION share/doc/dc-kiosk/sites COMPONENT kiosk)

install(TARGETS dc-server RUNTIME DESTINATION bin COMPONENT server)
install(FILES ${DC_UNITS}/dc-server.service DESTINATION ${DC_UNIT_DIR} COMPONENT server)
install(FILES ${DC_UNITS}/dc-server.sysusers DESTINATION lib/sysusers.d RENAME dc-server.conf COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/sync/PROTOCOL.md DESTINATION share/doc/dc-server COMPONENT server)

install(TARGETS dc-provision RUNTIME DESTINATION bin COMPONENT provision)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk server provision)
set(CPACK_PACKAGE_VENDOR "Digital Citizen kiosk team")
set(CPACK_PACKAGE_CONTACT "Digital Citizen kiosk team <kiosk@digital-citizen.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # library dependencies found by dpkg-shlibdeps
set(CPACK_STRIP_FILES ON)             # no debug info on a kiosk's disk
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME dc-kiosk)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME dc-server)
set(CPACK_DEBIAN_PROVISION_PACKAGE_NAME dc-provision)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Digital Citizen kiosk for public employment offices\n Jobs, courses and applications on a touch screen, offline first, in Georgian, Russian,\n Belarusian and English, with audio guidance; clerk and technician modes.")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "Digital Citizen central server\n Receives applications and enrollments from kiosks and serves them the catalog.")
set(CPACK_COMPONENT_PROVISION_DESCRIPTION "Digital Citizen kiosk provisioning tool\n Turns a blank kiosk into an enrolled one from a site config and a one-time token.")
# Fonts and voices are read at run time, and SDL opens EGL, GBM and GL with dlopen() (on KMS/DRM
# and X11), so dpkg-shlibdeps cannot see any of them; found missing by booting the image in QEMU.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "dc-provision (= ${PROJECT_VERSION}), fonts-noto-core, fonts-material-design-icons-iconfont, fonts-ocr-b, espeak-ng-data, systemd, libegl1, libgbm1, libgl1, libgl1-mesa-dri")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "systemd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/kiosk/postinst;${PROJECT_SOURCE_DIR}/packaging/kiosk/prerm")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/server/postinst;${PROJECT_SOURCE_DIR}/packaging/server/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
