# Pasar Purna — English. Every key here must also be in ../id/main.ftl.

## Layout
layout-skip-to-content = Skip to content
layout-nav-label = Main menu
layout-account = Log in
layout-language = Choose language

## Search
search-label = Search products or vendors
search-placeholder = Search ikat weaving, se'i, coffee…
search-submit = Search
search-clear = Clear search
search-title = Search products
search-results-for = Search results for “{ $query }”
search-description = Search products of Kupang's returned migrant workers' businesses: food, ikat weaving, crafts, coffee and produce, straight from the vendors.
search-empty = No products are listed yet. Returnee vendors are setting up their stalls — come back soon.

## Footer
footer-tagline = the online market of returned Indonesian migrant workers' businesses in Kupang
footer-operator = Run by the City of Kupang together with returnee small businesses.
footer-time-note = All times are WITA (UTC+8).

## Home
home-title = Pasar Purna — businesses of Kupang's returned migrant workers
home-description = Shop from small businesses of Kupang's returned migrant workers: ikat weaving, se'i, coffee, wild honey and more. Find vendors at the container booths and the SABOAK market.
home-hero-title = Made by Kupang's returned migrant workers
home-hero-lead = They came home with experience and started businesses. Find their products, visit their stalls at SABOAK every weekend, and contact them directly on WhatsApp.
home-browse = Browse products
home-become-vendor = Become a vendor
home-wilayah-title = Vendors from all over Kupang
home-wilayah-lead = Six districts (kecamatan), fifty-one neighbourhoods (kelurahan).
home-kelurahan-count = { $count } kelurahan
home-saboak-open = SABOAK is open this weekend
home-saboak-next = Next SABOAK market
home-saboak-place = Sunday Market Buat Orang Kupang at Taman Nostalgia, Saturday and Sunday.

## Account
account-title = Account
account-coming = Account registration and vendor applications open here soon. Until then, vendors can contact the city's market office.

## Errors
error-unavailable-title = Service temporarily unavailable
error-unavailable-body = We cannot load the data right now. Your data is safe; please try again in a moment.
error-not-found-title = Page not found
error-not-found-body = This address does not exist or has moved. Check the link, or start from the home page.
error-internal-title = Something went wrong
error-internal-body = Something broke on our side and it has been logged. Please try again.
error-unknown-language = That language is not available. Choose Bahasa Indonesia or English.
error-back-home = Back to the home page
error-cross-site-title = Request refused
error-cross-site-body = This form was not sent from Pasar Purna, so we did not process it, to keep your account safe. Open Pasar Purna directly and try again.
