#include "app/ui/kit/place_names.hpp"

#include <array>
#include <string_view>

namespace dc::ui {
namespace {

struct Region {
    std::string_view key;
    std::array<std::string_view, 4> names;  // in the order of Language: en, ka, ru, be
};

// Georgia's regions (mkhare) and its capital, Belarus's regions (voblasts) and its capital, as
// their governments and the common press write them.
constexpr Region kRegions[] = {
    {"Tbilisi", {"Tbilisi", "თბილისი", "Тбилиси", "Тбілісі"}},
    {"Adjara", {"Adjara", "აჭარა", "Аджария", "Аджарыя"}},
    {"Guria", {"Guria", "გურია", "Гурия", "Гурыя"}},
    {"Imereti", {"Imereti", "იმერეთი", "Имеретия", "Імерэція"}},
    {"Kakheti", {"Kakheti", "კახეთი", "Кахетия", "Кахецыя"}},
    {"Kvemo Kartli", {"Kvemo Kartli", "ქვემო ქართლი", "Квемо-Картли", "Квема-Картлі"}},
    {"Mtskheta-Mtianeti", {"Mtskheta-Mtianeti", "მცხეთა-მთიანეთი", "Мцхета-Мтианети", "Мцхета-Мтыянеці"}},
    {"Racha-Lechkhumi and Kvemo Svaneti",
     {"Racha-Lechkhumi and Kvemo Svaneti", "რაჭა-ლეჩხუმი და ქვემო სვანეთი", "Рача-Лечхуми и Квемо-Сванети",
      "Рача-Лечхумі і Квема-Сванеці"}},
    {"Samegrelo-Zemo Svaneti",
     {"Samegrelo-Zemo Svaneti", "სამეგრელო-ზემო სვანეთი", "Самегрело-Земо Сванети", "Самегрэла-Зема Сванеці"}},
    {"Samtskhe-Javakheti", {"Samtskhe-Javakheti", "სამცხე-ჯავახეთი", "Самцхе-Джавахети", "Самцхе-Джавахеці"}},
    {"Shida Kartli", {"Shida Kartli", "შიდა ქართლი", "Шида-Картли", "Шыда-Картлі"}},
    {"Minsk", {"Minsk", "მინსკი", "Минск", "Мінск"}},
    {"Minsk Region", {"Minsk Region", "მინსკის ოლქი", "Минская область", "Мінская вобласць"}},
    {"Brest Region", {"Brest Region", "ბრესტის ოლქი", "Брестская область", "Брэсцкая вобласць"}},
    {"Gomel Region", {"Gomel Region", "გომელის ოლქი", "Гомельская область", "Гомельская вобласць"}},
    {"Grodno Region", {"Grodno Region", "გროდნოს ოლქი", "Гродненская область", "Гродзенская вобласць"}},
    {"Mogilev Region", {"Mogilev Region", "მოგილიოვის ოლქი", "Могилёвская область", "Магілёўская вобласць"}},
    {"Vitebsk Region", {"Vitebsk Region", "ვიტებსკის ოლქი", "Витебская область", "Віцебская вобласць"}},
};

static_assert(static_cast<int>(Language::English) == 0 && static_cast<int>(Language::Georgian) == 1 &&
              static_cast<int>(Language::Russian) == 2 && static_cast<int>(Language::Belarusian) == 3);

}  // namespace

std::string regionName(Language language, const std::string& key) {
    for (const Region& region : kRegions)
        if (region.key == key) return std::string(region.names[static_cast<size_t>(language)]);
    return key;
}

}  // namespace dc::ui
