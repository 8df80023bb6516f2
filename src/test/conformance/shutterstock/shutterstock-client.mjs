// Drives Lumasync's Shutterstock fake with Shutterstock's own JavaScript client (shutterstock-api), the way our
// source uses the API: licence history, the licence's download endpoint, image details and contributor names.
// Prints what the client parsed, as JSON, for the Java test to compare with the fake's state.
import sstk from 'shutterstock-api';

const [base, token] = process.argv.slice(2);
sstk.setAccessToken(token);
sstk.ApiClient.instance.basePath = base;
const images = new sstk.ImagesApi();

const history = await images.getImageLicenseList({ per_page: 2, page: 1, sort: 'newest',
  download_availability: 'downloadable' });
const licence = history.data[0];
const download = await images.downloadImage(licence.id, { size: 'huge' });
const details = await images.getImageList([licence.image.id], { view: 'full' });
const image = details.data[0];
const people = await new sstk.ContributorsApi().getContributorList([image.contributor.id]);

console.log(JSON.stringify({
  total: history.total_count,
  page: history.page,
  licenceId: licence.id,
  imageId: licence.image.id,
  downloadTime: licence.download_time instanceof Date ? licence.download_time.toISOString() : licence.download_time,
  url: download.url,
  description: image.description,
  keywords: image.keywords,
  contributor: people.data[0].display_name,
}));
