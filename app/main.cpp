#include "app/app.hpp"

int main(int argc, char** argv) { return dc::app::runKiosk(argc, argv); }
